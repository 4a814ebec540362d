import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASGI_ITEMS, buildRss, type RssItemSpec } from '../fixtures/build-rss';
import { RSS_HEADERS, callBackground, readStore } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';
import { decodeItems, encodeDoc } from '../../lib/sync/encode';
import { toStamp } from '../../lib/sync/sync-doc';

interface StoredPost {
  id: number;
  subscriptionId: number;
  url?: string;
  unread: number;
}
interface StoredSubscription {
  id: number;
  feedUrl: string;
  archivedAt?: number;
}

const WORDS = ['async', 'caching', 'queues', 'indexes', 'tracing', 'schemas', 'testing', 'deploys', 'locks', 'retries'];

// 3,000 standalone posts with distinct, unnumbered titles (numbers would read as series parts).
const BIG_ITEMS: RssItemSpec[] = Array.from({ length: 3_000 }, (_, i) => ({
  title: `On ${WORDS[i % 10]} with ${WORDS[Math.floor(i / 10) % 10]} and ${WORDS[Math.floor(i / 100) % 10]}, take ${String.fromCharCode(97 + (Math.floor(i / 1000) % 26))}`,
  link: `big/${i.toString(36)}.html`,
  date: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
}));

/**
 * Copies one profile's storage.sync into another's, as the browser's sync engine does between two
 * devices: every item is written, and items the source no longer has are removed.
 */
async function copySync(from: ExtensionHarness, to: ExtensionHarness): Promise<void> {
  const items = await (await from.serviceWorker()).evaluate(() => chrome.storage.sync.get(null));
  await (await to.serviceWorker()).evaluate(async (source) => {
    const stale = Object.keys(await chrome.storage.sync.get(null)).filter((key) => !(key in source));
    if (stale.length > 0) await chrome.storage.sync.remove(stale);
    await chrome.storage.sync.set(source);
  }, items);
}

describe('sync between two browsers (two Chromium profiles)', () => {
  let a: ExtensionHarness;
  let b: ExtensionHarness;
  let optionsA: Page;
  let optionsB: Page;

  const posts = async (h: ExtensionHarness) => readStore<StoredPost>(await h.serviceWorker(), 'posts');
  const followed = async (h: ExtensionHarness) => (await readStore<StoredSubscription>(await h.serviceWorker(), 'subscriptions')).filter((s) => s.archivedAt === undefined).map((s) => s.feedUrl);
  const readPaths = async (h: ExtensionHarness, feed?: string) => {
    const subs = await readStore<StoredSubscription>(await h.serviceWorker(), 'subscriptions');
    const id = subs.find((s) => s.feedUrl === feed)?.id;
    return (await posts(h)).filter((p) => p.unread === 0 && (feed === undefined || p.subscriptionId === id)).map((p) => new URL(p.url!).pathname).sort();
  };
  const postId = async (h: ExtensionHarness, path: string) => (await posts(h)).find((p) => p.url?.endsWith(path))!.id;

  beforeAll(async () => {
    a = await launchExtension();
    b = await launchExtension();
    optionsA = await a.openOptions();
    optionsB = await b.openOptions();
    a.server.route('/asgi.xml', { body: buildRss({ title: 'Kfir’s blog', site: `${a.server.origin}/`, items: ASGI_ITEMS }), headers: RSS_HEADERS });
    a.server.route('/big.xml', { body: buildRss({ title: 'A busy blog', site: `${a.server.origin}/`, items: BIG_ITEMS }), headers: RSS_HEADERS });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('B shows A’s subscriptions and read marks once A’s synced items are copied over', async () => {
    const feed = a.server.url('/asgi.xml');
    await callBackground(optionsA, 'subscribe', { url: feed });
    await callBackground(optionsA, 'updateSubscription', { subscriptionId: (await readStore<StoredSubscription>(await a.serviceWorker(), 'subscriptions'))[0]!.id, edit: { customTitle: 'FastAPI, in depth' } });
    await callBackground(optionsA, 'setRead', { postIds: [await postId(a, '/posts/passive-to-real-part-1.html')], read: true });
    await callBackground(optionsA, 'syncNow');
    await copySync(a, b);
    await expect.poll(() => followed(b), { timeout: 20_000 }).toEqual([feed]);
    await expect.poll(() => readPaths(b), { timeout: 20_000 }).toEqual(['/posts/passive-to-real-part-1.html']);
    await optionsB.reload();
    // The row is one line; its title field is in the details, opened on request.
    await expect.poll(() => optionsB.locator('.sub-name').first().textContent()).toBe('FastAPI, in depth');
    await optionsB.locator('.sub-toggle').first().click();
    await expect.poll(() => optionsB.locator('.sub-title').first().inputValue()).toBe('FastAPI, in depth');
    await expect.poll(() => optionsB.getByTestId('sync-status').textContent()).toMatch(/last received changes just now/);
  });

  it('a post read in B shows read in A after the copy back, also in A’s open popup', async () => {
    const partTwo = await postId(a, '/posts/passive-to-real-part-2.html');
    const popup = await a.openPopup();
    await popup.locator(`[data-post-id="${partTwo}"]`).waitFor();
    await callBackground(optionsB, 'setRead', { postIds: [await postId(b, '/posts/passive-to-real-part-2.html')], read: true });
    await callBackground(optionsB, 'syncNow');
    await copySync(b, a);
    await expect.poll(() => readPaths(a), { timeout: 20_000 }).toEqual(['/posts/passive-to-real-part-1.html', '/posts/passive-to-real-part-2.html']);
    // The open popup hides read posts: the one read in B leaves A's list without a reload.
    await expect.poll(() => popup.locator(`[data-post-id="${partTwo}"]`).count(), { timeout: 20_000 }).toBe(0);
    await popup.close();
  });

  it('an unsubscribe in A drops the subscription in B', async () => {
    const id = (await readStore<StoredSubscription>(await a.serviceWorker(), 'subscriptions'))[0]!.id;
    await callBackground(optionsA, 'unsubscribe', { subscriptionId: id, keepPosts: false });
    await callBackground(optionsA, 'syncNow');
    await copySync(a, b);
    await expect.poll(() => followed(b), { timeout: 20_000 }).toEqual([]);
  });

  it('a feed of 3,000 posts marked all read in A arrives read in B, in a handful of writes', async () => {
    const feed = a.server.url('/big.xml');
    await callBackground(optionsA, 'subscribe', { url: feed });
    const ids = (await posts(a)).map((p) => p.id);
    expect(ids).toHaveLength(3_000);
    await callBackground(optionsA, 'setRead', { postIds: ids, read: true });
    await callBackground(optionsA, 'syncNow');
    const items = await (await a.serviceWorker()).evaluate(() => chrome.storage.sync.get(null));
    expect(Object.keys(items).filter((key) => key.startsWith('m')).length).toBeLessThanOrEqual(5);
    await copySync(a, b);
    await expect.poll(() => followed(b), { timeout: 30_000 }).toEqual([feed]);
    await expect.poll(async () => (await readPaths(b, feed)).length, { timeout: 30_000 }).toBe(3_000);
    expect((await posts(b)).filter((p) => p.unread === 1)).toEqual([]);
  }, 120_000);

  it('with the switch off B neither receives nor deletes anything; turned back on, it catches up', async () => {
    const feed = a.server.url('/big.xml');
    await optionsB.reload();
    const toggle = optionsB.getByLabel('Sync subscriptions and read state with your browser account');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => optionsB.getByTestId('sync-card').textContent()).toMatch(/Sync is off/);
    const id = (await readStore<StoredSubscription>(await a.serviceWorker(), 'subscriptions')).find((s) => s.feedUrl === feed)!.id;
    await callBackground(optionsA, 'unsubscribe', { subscriptionId: id, keepPosts: false });
    await callBackground(optionsA, 'syncNow');
    await copySync(a, b);
    // syncNow runs after the change listener (both take the same lock) and, with sync off, does nothing.
    await callBackground(optionsB, 'syncNow');
    expect(await followed(b)).toEqual([feed]);
    expect(await posts(b)).toHaveLength(3_000);
    await toggle.check();
    await expect.poll(() => followed(b), { timeout: 20_000 }).toEqual([]);
  });

  it('a subscription arriving for a site without host access waits, and options and the popup say so', async () => {
    const worker = await b.serviceWorker();
    const waiting = 'https://feeds.no-access.test/rss.xml';
    // This test writes storage.sync as another device would. storage.sync has no compare-and-set, so
    // a send of B's still under way (the previous test switched sync back on) would write its older
    // copy over this one: wait behind the one sync lock first, as the other suites do before clearing.
    await callBackground(optionsB, 'syncNow');
    const items = await worker.evaluate(() => chrome.storage.sync.get(null));
    const { doc } = decodeItems(items);
    doc.subscriptions[waiting] = { added: toStamp(Date.now()), fields: { customTitle: ['Elsewhere', toStamp(Date.now())] } };
    await worker.evaluate((next) => chrome.storage.sync.set(next), encodeDoc(doc).items);
    await expect.poll(() => followed(b), { timeout: 20_000 }).toContain(waiting);
    await optionsB.reload();
    const line = optionsB.getByTestId('awaiting-access');
    await expect.poll(() => line.textContent()).toMatch(/1 feed waits for access to its site: Elsewhere\./);
    expect(await line.getByRole('button').textContent()).toBe('Allow access to feeds.no-access.test');
    const popup = await b.openPopup();
    await expect.poll(() => popup.getByTestId('awaiting-access').textContent()).toMatch(/Elsewhere/);
    // Never fetched: without access the request would only fail.
    const sub = (await readStore<StoredSubscription & { lastCheckAt?: number }>(worker, 'subscriptions')).find((s) => s.feedUrl === waiting);
    expect(sub?.lastCheckAt).toBeUndefined();
    await popup.close();
  });
});
