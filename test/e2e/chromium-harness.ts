import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { BrowserHarness, FirstPaint, LaunchOptions, Tab, Target } from './browser-harness';
import { extensionProbe } from './extension-probe';
import { E2E_BUILD_DIR, launchExtension } from './harness';

/**
 * Page script that records, as the first post link appears, whether it is the inert painted preview and
 * which groups it shows (in `window.__firstPaint`), before the app can replace it.
 */
export const FIRST_PAINT_RECORDER = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-post-link]')) return;
  observer.disconnect();
  window.__firstPaint = { inert: document.querySelector('main[inert]') !== null,
    groups: [...document.querySelectorAll('section.group')].map((s) => s.getAttribute('aria-label')) };
}).observe(document, { childList: true, subtree: true });`;

type Role = Parameters<Page['getByRole']>[0];

function locate(page: Page, target: Target): Locator {
  return typeof target === 'string' ? page.locator(target) : page.getByRole(target.role as Role, { name: target.name, exact: true });
}

/** A Playwright page behind the browser-neutral {@link Tab}. */
export function chromiumTab(page: Page): Tab {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (value: unknown) => unknown, arg) as never,
    waitFor: (target) => locate(page, target).first().waitFor({ state: 'attached' }),
    click: (target) => locate(page, target).click(),
    fill: (target, text) => locate(page, target).fill(text),
    press: (key) => page.keyboard.press(key),
    setFile: (selector, file) => page.locator(selector).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.content) }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/** Chromium (through Playwright) behind the browser-neutral {@link BrowserHarness}. */
export async function launchChromiumHarness(options: LaunchOptions): Promise<BrowserHarness> {
  if (options.firefoxPrefs) throw new Error('firefoxPrefs are for Firefox launches only');
  const chromium = await launchExtension({ server: options.server });
  const pages = new WeakMap<Tab, Page>();
  const newTab = async (url?: string): Promise<Tab> => {
    const page = await chromium.newTab(url);
    const tab = chromiumTab(page);
    pages.set(tab, page);
    return tab;
  };
  const probeTab = await newTab(chromium.extensionUrl('options.html'));
  const probe = await extensionProbe(probeTab);
  return {
    browser: 'chromium',
    server: chromium.server,
    extensionOrigin: `chrome-extension://${chromium.extensionId}`,
    extensionUrl: chromium.extensionUrl,
    openOptions: () => newTab(chromium.extensionUrl('options.html')),
    openPopup: (query = '') => newTab(chromium.extensionUrl(`popup.html${query}`)),
    newTab,
    ...probe,
    tabUrls: async () => chromium.context.pages().map((page) => page.url()),
    stopBackground: async () => {
      const session = await chromium.cdp(pages.get(probeTab)!);
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await session.detach();
    },
    buildDir: E2E_BUILD_DIR,
    popupFirstPaint: async () => {
      const page = await chromium.context.newPage();
      await page.addInitScript(FIRST_PAINT_RECORDER);
      await page.goto(chromium.extensionUrl('popup.html'));
      await page.locator('main.popup-main:not([inert]) section.group').first().waitFor();
      const painted = (await page.evaluate('window.__firstPaint')) as FirstPaint | undefined;
      await page.close();
      return painted ?? { inert: false, groups: [] };
    },
    download: async (tab, button) => {
      const page = pages.get(tab);
      if (!page) throw new Error('download() needs a tab of this harness');
      const download = page.waitForEvent('download');
      await locate(page, button).click();
      const file = await download;
      const path = await file.path();
      return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
    },
    close: () => chromium.close(),
  };
}
