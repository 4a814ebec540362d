import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASGI_ITEMS, buildRss } from '../fixtures/build-rss';
import { browsersUnderTest, launchBrowser, type BrowserHarness } from './browser-harness';
import { RSS_HEADERS } from './extension-state';

// Firefox runs the MV3 background as an event page and stops it after `extensions.background.idle.timeout`
// (30 s) without events, even with fetches in flight. Here the timeout is shortened so a refresh
// outlasts it in a few seconds; Chromium's 30 s service-worker limit cannot be shortened, so this
// file runs in Firefox only.
const IDLE_MS = 8_000;

describe.runIf(browsersUnderTest().includes('firefox'))('the event page in Firefox', () => {
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
});
