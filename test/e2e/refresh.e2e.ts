import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASGI_ITEMS, ASGI_PART_4, buildRss, type RssItemSpec } from '../fixtures/build-rss';
import { RSS_HEADERS, badgeText, callBackground, notifications, readStore, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredSubscription {
  id: number;
  feedUrl: string;
  status: string;
  lastResult?: string;
  lastError?: string;
  errorStreak: number;
  nextCheckAt: number;
}
interface StoredPost {
  subscriptionId: number;
  guid: string;
  title: string;
  unread: number;
  part?: number;
}

const RSS = RSS_HEADERS;

describe('library and background refresh in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  // A fresh path per test: Chromium's HTTP cache keeps 301 and 410 answers for later requests.
  let feedPath = '';
  let testNumber = 0;
  const feed = (items: readonly RssItemSpec[]) => buildRss({ title: 'Kfir’s blog', site: `${harness.server.origin}/`, items });

  beforeAll(async () => {
    harness = await launchExtension();
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    testNumber += 1;
    feedPath = `/asgi-${testNumber}.xml`;
    await resetSession(harness, options);
  });

  async function subscribeInUi(url: string): Promise<string> {
    await options.reload();
    await options.getByLabel('Feed or site URL').fill(url);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const status = options.locator('#subscribe-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toMatch(/^(|Looking for the feed…)$/);
    return (await status.textContent()) ?? '';
  }

  async function subscriptions(): Promise<StoredSubscription[]> {
    return readStore<StoredSubscription>(await harness.serviceWorker(), 'subscriptions');
  }

  it('subscribes from the options page, stores the posts with series, and shows the unread count', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: RSS });
    expect(await subscribeInUi(harness.server.url(feedPath))).toBe('Subscribed to Kfir’s blog (5 posts).');
    const worker = await harness.serviceWorker();
    const posts = await readStore<StoredPost>(worker, 'posts');
    expect(posts).toHaveLength(5);
    expect(posts.filter((p) => p.part !== undefined).map((p) => p.part).sort()).toEqual([1, 2, 3]);
    await expect.poll(() => badgeText(worker)).toBe('5');
    expect(await notifications(worker)).toEqual({});
  });

  it('says so instead of adding a duplicate', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: RSS });
    await subscribeInUi(harness.server.url(feedPath));
    expect(await subscribeInUi(harness.server.url(feedPath))).toBe('You are already subscribed to Kfir’s blog.');
    expect(await subscriptions()).toHaveLength(1);
  });

  it('brings exactly one notification and one more unread when the feed adds an item', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: RSS });
    await subscribeInUi(harness.server.url(feedPath));
    const worker = await harness.serviceWorker();
    await expect.poll(() => badgeText(worker)).toBe('5');
    harness.server.route(feedPath, { body: feed([...ASGI_ITEMS, ASGI_PART_4]), headers: RSS });
    await callBackground(options, 'refreshNow', {});
    await expect.poll(() => badgeText(worker)).toBe('6');
    const shown = await notifications(worker);
    expect(Object.keys(shown)).toHaveLength(1);
    const posts = await readStore<StoredPost>(worker, 'posts');
    expect(posts).toHaveLength(6);
  });

  it('sends validators and parses nothing on a 304', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: { ...RSS, ETag: '"v1"' } });
    await subscribeInUi(harness.server.url(feedPath));
    await callBackground(options, 'refreshNow', {});
    const requests = harness.server.requests(feedPath);
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    const [sub] = await subscriptions();
    expect(sub).toMatchObject({ lastResult: 'not-modified', status: 'ok' });
  });

  it('follows a 301 to the new address and keeps it', async () => {
    harness.server.route('/redirecting.xml', { body: feed(ASGI_ITEMS), headers: RSS });
    await subscribeInUi(harness.server.url('/redirecting.xml'));
    harness.server.route('/redirecting.xml', { redirect: { to: '/moved/asgi.xml', status: 301 } });
    harness.server.route('/moved/asgi.xml', { body: feed([...ASGI_ITEMS, ASGI_PART_4]), headers: RSS });
    // Its own path: Chromium caches the 301 for later requests of this URL.
    // A service worker cannot see a redirect's status, so the move is confirmed on a second check.
    await callBackground(options, 'refreshNow', {});
    await callBackground(options, 'refreshNow', {});
    const [sub] = await subscriptions();
    expect(sub!.feedUrl).toBe(harness.server.url('/moved/asgi.xml'));
    expect(await readStore<StoredPost>(await harness.serviceWorker(), 'posts')).toHaveLength(6);
  });

  it('marks a 410 feed gone, keeps its posts and shows it to the user', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: RSS });
    expect(await subscribeInUi(harness.server.url(feedPath))).toBe('Subscribed to Kfir’s blog (5 posts).');
    harness.server.route(feedPath, { status: 410 });
    await callBackground(options, 'refreshNow', {});
    const [sub] = await subscriptions();
    expect(sub).toMatchObject({ status: 'gone' });
    expect(await readStore<StoredPost>(await harness.serviceWorker(), 'posts')).toHaveLength(5);
    await expect.poll(() => options.locator('.sub-status').first().textContent()).toMatch(/gone for good/);
  });

  it('shows backoff after three 500s in a row', async () => {
    harness.server.route(feedPath, { body: feed(ASGI_ITEMS), headers: RSS });
    await subscribeInUi(harness.server.url(feedPath));
    harness.server.route(feedPath, { status: 500 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = Date.now();
      await callBackground(options, 'refreshNow', {});
      const [sub] = await subscriptions();
      waits.push(sub!.nextCheckAt - before);
    }
    expect(waits[1]! > waits[0]! && waits[2]! > waits[1]!).toBe(true);
    await expect.poll(() => options.locator('.sub-status').first().textContent()).toMatch(/HTTP 500.*3 failed checks in a row/);
  });

  it('loses and duplicates nothing when the service worker is stopped half-way through a refresh', async () => {
    const count = 12;
    const page = await harness.newTab(harness.extensionUrl('options.html'));
    for (let i = 0; i < count; i += 1) {
      harness.server.route(`/many/${i}.xml`, { body: buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: ASGI_ITEMS }), headers: RSS });
    }
    const opml = `<opml version="2.0"><body>${Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(`/many/${i}.xml`)}"/>`).join('')}</body></opml>`;
    await callBackground(page, 'importOpml', { text: opml });
    // Slow answers keep the refresh in flight long enough to stop the worker in the middle of it.
    for (let i = 0; i < count; i += 1) {
      harness.server.route(`/many/${i}.xml`, { body: buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: ASGI_ITEMS }), headers: RSS, delayMs: 700 });
    }
    void callBackground(page, 'refreshNow', {}).catch(() => undefined);
    await expect.poll(() => harness.server.requests().filter((r) => r.path.startsWith('/many/')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const cdp = await harness.cdp(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.close();
    // Any event wakes a stopped worker; a ping is the lightest.
    await callBackground(options, 'ping');
    const halfway = await readStore<StoredSubscription>(await harness.serviceWorker(), 'subscriptions');
    expect(halfway.filter((s) => s.status === 'ok').length).toBeLessThan(count);

    await callBackground(options, 'refreshNow', {});
    const after = await subscriptions();
    expect(after).toHaveLength(count);
    expect(after.every((s) => s.status === 'ok')).toBe(true);
    const posts = await readStore<StoredPost>(await harness.serviceWorker(), 'posts');
    expect(posts).toHaveLength(count * ASGI_ITEMS.length);
    expect(new Set(posts.map((p) => `${p.subscriptionId}:${p.guid}`)).size).toBe(posts.length);
  });
});
