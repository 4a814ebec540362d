import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { E2E_BUILD_DIR, launchExtension, type ExtensionHarness } from './harness';
import { artifactPath } from './artifacts';
import { extensionContextsIn } from './execution-contexts';

const ARTICLE = '<!doctype html><html><head><title>An article</title></head><body><article><h1>An article</h1></article></body></html>';

describe('the built extension in Chromium', () => {
  let harness: ExtensionHarness;

  beforeAll(async () => {
    harness = await launchExtension();
    harness.server.route('/article.html', { body: ARTICLE, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
  afterAll(async () => harness?.close());

  it('runs the service worker with the MV3 manifest', async () => {
    const worker = await harness.serviceWorker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Partwise');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'alarms', 'notifications', 'scripting', 'activeTab']));
    expect(manifest.content_scripts ?? []).toHaveLength(0);
  });

  it('renders the options page, which reaches the background through the typed protocol', async () => {
    const page = await harness.openOptions();
    await expect.poll(() => page.getByTestId('background-status').textContent()).toMatch(/^Partwise \d+\.\d+\.\d+: background running$/);
    await page.close();
  });

  it('renders the popup', async () => {
    const page = await harness.openPopup();
    await page.getByRole('button', { name: 'Add a subscription' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('No subscriptions yet');
    await page.screenshot({ path: artifactPath('popup-empty.png') });
    await page.close();
  });

  it("paints the popup's first page from one classic script that carries no database or storage library", async () => {
    const html = await readFile(join(E2E_BUILD_DIR, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!.trim());
    expect(scripts[0]).toBe('src="/first-paint.js"');
    expect(scripts.slice(1).every((attributes) => attributes.includes('type="module"'))).toBe(true);
    const firstPaint = await readFile(join(E2E_BUILD_DIR, 'first-paint.js'), 'utf8');
    // Dexie, the polyfill and WXT's storage module would each hold the first paint back.
    for (const marker of ['indexedDB', 'Dexie', 'webextension-polyfill', 'Storage item version']) expect(firstPaint).not.toContain(marker);
    expect(firstPaint).toContain('partwise:first-page');
  });

  it('injects the runtime-registered content script only where it is registered', async () => {
    const worker = await harness.serviceWorker();
    const origin = harness.server.origin;
    await worker.evaluate(async (pattern) => {
      await chrome.scripting.registerContentScripts([{ id: 'e2e-visit', matches: [pattern], js: ['visit.js'] }]);
    }, `${origin.replace(/:\d+$/, '')}/*`);

    const registered = await harness.newTab();
    const contexts = await extensionContextsIn(harness, registered, harness.server.url('/article.html'));
    expect(contexts).toContain(`chrome-extension://${harness.extensionId}`);

    const other = await harness.newTab();
    const otherUrl = harness.server.url('/article.html').replace('127.0.0.1', 'localhost');
    expect(await extensionContextsIn(harness, other, otherUrl)).toHaveLength(0);
    await worker.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['e2e-visit'] }));
  });
});
