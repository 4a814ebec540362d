import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASGI_ITEMS, buildRss } from '../fixtures/build-rss';
import { RSS_HEADERS, callBackground, readStore, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredSubscription {
  id: number;
  feedUrl: string;
  retryAfterUntil?: number;
}

/** Long enough that a refresh is surely still waiting when the test acts; the test never waits it out. */
const HANGING_MS = 60_000;

describe('the background keeps polling, runs once at a time and honours Retry-After, in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  let testNumber = 0;
  let prefix = '';

  beforeAll(async () => {
    harness = await launchExtension();
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    testNumber += 1;
    // Fresh paths per test: Chromium's HTTP cache and the server's request log stay apart.
    prefix = `/reliability-${testNumber}`;
    await resetSession(harness, options);
  });

  const feedPath = (i: number) => `${prefix}/feed-${i}.xml`;
  const feedBody = (i: number) => buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: ASGI_ITEMS });

  /** Subscribes through an OPML import, which stores the feeds (due at once) without fetching them. */
  async function importFeeds(count: number, delayMs = 0): Promise<void> {
    for (let i = 0; i < count; i += 1) harness.server.route(feedPath(i), { body: feedBody(i), headers: RSS_HEADERS, delayMs });
    const outlines = Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(feedPath(i))}"/>`);
    await callBackground(options, 'importOpml', { text: `<opml version="2.0"><body>${outlines.join('')}</body></opml>` });
  }

  const requestsOf = (i: number) => harness.server.requests(feedPath(i)).length;
  const allRequests = () => harness.server.requests().filter((request) => request.path.startsWith(`${prefix}/`)).length;

  it('leaves an alarm for the feeds still due when the worker is stopped in the middle of a scheduled refresh', async () => {
    await importFeeds(3, HANGING_MS);
    const worker = await harness.serviceWorker();
    // Fire the refresh alarm now (an unpacked extension's alarms may fire this soon).
    await worker.evaluate(async () => {
      await chrome.alarms.clearAll();
      await chrome.alarms.create('partwise-refresh', { when: Date.now() + 10 });
    });
    await expect.poll(allRequests, { timeout: 15_000 }).toBeGreaterThan(0);

    const page = await harness.newTab(harness.extensionUrl('options.html'));
    const cdp = await harness.cdp(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.close();
    // Any event wakes a stopped worker; a ping is the lightest.
    await callBackground(options, 'ping');

    const woken = await harness.serviceWorker();
    const alarm = await woken.evaluate(() => chrome.alarms.get('partwise-refresh'));
    expect(alarm).toBeDefined();
    // It brings back the unfinished run soon, not at some later check.
    expect(alarm!.scheduledTime).toBeLessThanOrEqual(Date.now() + 2 * 60_000);
    const subscriptions = await readStore<StoredSubscription & { nextCheckAt: number }>(woken, 'subscriptions');
    expect(subscriptions.every((s) => s.nextCheckAt <= alarm!.scheduledTime)).toBe(true);
  });

  it('runs one refresh at a time: two requests together fetch each feed once', async () => {
    const count = 4;
    await importFeeds(count);
    // Slow answers keep the first run going while the second request arrives.
    for (let i = 0; i < count; i += 1) harness.server.route(feedPath(i), { body: feedBody(i), headers: RSS_HEADERS, delayMs: 3_000 });
    const replies = await options.evaluate(() =>
      Promise.all(
        [0, 1].map(
          (n) => chrome.runtime.sendMessage({ id: n, type: 'refreshNow', data: {}, timestamp: Date.now() }) as Promise<{ res?: { refreshed: number } }>,
        ),
      ),
    );
    expect(replies.map((reply) => reply.res?.refreshed)).toEqual([count, count]);
    expect(Array.from({ length: count }, (_, i) => requestsOf(i))).toEqual(Array(count).fill(1));
  });

  it('skips a feed on “Refresh all” while its server asked to wait, and says until when', async () => {
    await importFeeds(1);
    harness.server.route(feedPath(0), { status: 429, headers: { 'Retry-After': '7200' }, body: 'slow down' });
    await callBackground(options, 'refreshNow', {});
    const [waiting] = await readStore<StoredSubscription>(await harness.serviceWorker(), 'subscriptions');
    expect(waiting!.retryAfterUntil).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(requestsOf(0)).toBe(1);

    harness.server.route(feedPath(0), { body: feedBody(0), headers: RSS_HEADERS });
    await options.reload();
    await options.getByRole('button', { name: 'Refresh all' }).click();
    // A second request joins the run the click started (if still going), so this returns after both.
    await callBackground(options, 'refreshNow', {});
    expect(requestsOf(0)).toBe(1);
    await expect.poll(() => options.locator('.sub-status').first().textContent()).toMatch(/The site asked Partwise to wait until \S/);
  });
});
