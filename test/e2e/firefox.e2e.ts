import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASGI_ITEMS, buildRss } from '../fixtures/build-rss';
import { browsersUnderTest, launchBrowser, type BrowserHarness } from './browser-harness';
import { RSS_HEADERS } from './extension-state';

// What only Firefox does, so these run in Firefox alone (core-flows.e2e.ts holds what both share):
// - it runs the MV3 background as an event page and stops it after `extensions.background.idle.timeout`
//   (30 s) without events, even with fetches in flight; the timeout is shortened here so a refresh
//   outlasts it in seconds (Chromium's service-worker limit cannot be shortened);
// - host permissions stay revocable in MV3, and `permissions.request` is honoured only synchronously
//   inside a user's input handler.
const IDLE_MS = 8_000;

describe.runIf(browsersUnderTest().includes('firefox'))('Firefox: the event page and host access', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await launchBrowser('firefox', { firefoxPrefs: { 'extensions.background.idle.timeout': IDLE_MS } });
  });
  afterAll(async () => harness?.close());

  it('keeps the background alive through a refresh longer than the idle timeout, and answers when it is done', async () => {
    const count = 10;
    const feed = (i: number, delayMs = 0) =>
      harness.server.route(`/slow/${i}.xml`, { body: buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: ASGI_ITEMS }), headers: RSS_HEADERS, delayMs });
    for (let i = 0; i < count; i += 1) feed(i);
    const opml = `<opml version="2.0"><body>${Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(`/slow/${i}.xml`)}"/>`).join('')}</body></opml>`;
    await harness.callBackground('importOpml', { text: opml });
    // One host answers two requests at a time (the politeness limit), each after 2.5 s: 12.5 s in all.
    for (let i = 0; i < count; i += 1) feed(i, 2_500);
    await harness.callBackground('refreshNow', {});
    const subscriptions = await harness.readStore<{ status: string }>('subscriptions');
    expect(subscriptions.map((s) => s.status)).toEqual(Array.from({ length: count }, () => 'ok'));
    expect(await harness.readStore('posts')).toHaveLength(count * ASGI_ITEMS.length);
  });

  it('asks for a revoked site in the Subscribe click itself, which Firefox honours only inside the gesture', async () => {
    const local = (path: string) => harness.server.url(path).replace('127.0.0.1', 'localhost');
    harness.server.route('/local.xml', { body: buildRss({ title: 'Local blog', site: local('/'), items: ASGI_ITEMS }), headers: RSS_HEADERS });
    const origins = () => harness.evaluateInExtension(async () => (await chrome.permissions.getAll()).origins ?? []);
    expect(await harness.evaluateInExtension(() => chrome.permissions.remove({ origins: ['http://localhost/*'] }))).toBe(true);
    expect(await origins()).not.toContain('http://localhost/*');
    // Outside a user's gesture Firefox refuses, so the grant below can only come from the click.
    await expect(harness.evaluateInExtension(() => chrome.permissions.request({ origins: ['http://localhost/*'] }))).rejects.toThrow(/user input handler/);

    const options = await harness.openOptions();
    await options.fill('#subscribe-url', local('/local.xml'));
    await options.click({ role: 'button', name: 'Subscribe' });
    await expect.poll(() => options.evaluate(() => document.querySelector('#subscribe-status')?.textContent), { timeout: 20_000 }).toBe('Subscribed to Local blog (5 posts).');
    expect(await origins()).toContain('http://localhost/*');
    const registered = await harness.evaluateInExtension(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.flatMap((script) => script.matches ?? [])).toContain('http://localhost/*');
    await options.close();
  });
});
