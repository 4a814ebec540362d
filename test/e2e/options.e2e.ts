import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOpml } from '../../lib/opml/parse-opml';
import { ASGI_ITEMS, buildRss, MODERN_PYTHON_ITEMS } from '../fixtures/build-rss';
import { articlePage } from '../fixtures/sample-site';
import { artifactPath } from './artifacts';
import { RSS_HEADERS, callBackground, notifications, readStore, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredSubscription {
  id: number;
  feedUrl: string;
  status: string;
  title: string;
}
interface StoredPost {
  guid: string;
  unread: number;
}

const RSS = RSS_HEADERS;
const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

describe('the options page in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;

  beforeAll(async () => {
    harness = await launchExtension({ server: { fallback: articlePage } });
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    await resetSession(harness, options);
    await options.reload();
  });

  async function subscriptions(): Promise<StoredSubscription[]> {
    return readStore<StoredSubscription>(await harness.serviceWorker(), 'subscriptions');
  }

  async function subscribeStatus(url: string): Promise<string> {
    await options.getByLabel('Feed or site URL').fill(url);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const status = options.locator('#subscribe-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toMatch(/^(|Looking for the feed…)$/);
    return (await status.textContent()) ?? '';
  }

  it('subscribes by site URL through discovery, letting the user pick among several feeds', async () => {
    harness.server.route('/blog/', {
      body: `<!doctype html><html><head><title>Blog</title>
        <link rel="alternate" type="application/rss+xml" title="All posts" href="feeds/all.xml">
        <link rel="alternate" type="application/rss+xml" title="Python only" href="feeds/python.xml"></head><body></body></html>`,
      headers: HTML,
    });
    harness.server.route('/blog/feeds/all.xml', { body: buildRss({ title: 'All posts', site: `${harness.server.origin}/blog/`, items: ASGI_ITEMS }), headers: RSS });
    await options.getByLabel('Feed or site URL').fill(harness.server.url('/blog/'));
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await options.getByRole('button', { name: 'Subscribe to All posts' }).click();
    await expect.poll(() => options.locator('#subscribe-status').textContent(), { timeout: 15_000 }).toBe('Subscribed to All posts (5 posts).');
    expect((await subscriptions()).map((s) => s.feedUrl)).toEqual([harness.server.url('/blog/feeds/all.xml')]);
    await expect.poll(() => options.locator('.subscription').count()).toBe(1);
    await options.screenshot({ path: artifactPath('options.png'), fullPage: true });
  });

  it.each<[string, () => void, RegExp]>([
    ['a page without a feed', () => harness.server.route('/plain/', { body: '<html><head><title>x</title></head><body>No feed here</body></html>', headers: HTML }), /No feed was found/],
    ['a server error', () => harness.server.route('/plain/', { status: 500 }), /HTTP 500/],
  ])('explains %s next to the field and adds nothing', async (_name, arrange, expected) => {
    arrange();
    expect(await subscribeStatus(harness.server.url('/plain/'))).toMatch(expected);
    expect(await options.locator('#subscribe-status').getAttribute('class')).toBe('error');
    expect(await subscriptions()).toEqual([]);
  });

  it('imports an OPML of 200 feeds without notifications, refreshes them all, and exports the same list', async () => {
    const count = 200;
    for (let i = 0; i < count; i += 1) {
      harness.server.route(`/opml/${i}.xml`, { body: buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: i % 2 ? ASGI_ITEMS.slice(0, 2) : MODERN_PYTHON_ITEMS.slice(0, 2) }), headers: RSS });
    }
    const outlines = Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(`/opml/${i}.xml`)}"/>`);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Python">${outlines.join('\n')}</outline></body></opml>`;
    await options.getByLabel('Import OPML').setInputFiles({ name: 'mine.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await options.getByRole('button', { name: `Import ${count} feeds` }).click();
    await expect.poll(() => options.locator('#transfer-status').textContent(), { timeout: 20_000 }).toMatch(`Imported ${count} feeds; 0 skipped.`);

    await options.getByRole('button', { name: 'Refresh all' }).click();
    await expect.poll(async () => (await subscriptions()).filter((s) => s.status === 'ok').length, { timeout: 60_000 }).toBe(count);
    expect(await readStore<StoredPost>(await harness.serviceWorker(), 'posts')).toHaveLength(count * 2);
    expect(await notifications(await harness.serviceWorker())).toEqual({});

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export OPML' }).click();
    const exported = parseOpml(await readFile((await (await download).path())!, 'utf8'));
    const urls = (feeds: { feedUrl: string }[]) => feeds.map((f) => f.feedUrl).sort();
    expect(urls(exported.feeds)).toEqual(urls(parseOpml(opml).feeds));
    expect(new Set(exported.feeds.map((f) => f.tags.join('/')))).toEqual(new Set(['Python']));
  });

  it('refuses a corrupt OPML file with a clear message', async () => {
    await options.getByLabel('Import OPML').setInputFiles({ name: 'broken.opml', mimeType: 'text/x-opml', buffer: Buffer.from('<opml><body><outline text="x"') });
    await expect.poll(() => options.locator('#transfer-status').textContent()).toMatch(/^broken\.opml could not be imported: /);
  });

  it('backs up, wipes and restores with read state intact', async () => {
    harness.server.route('/backup.xml', { body: buildRss({ title: 'Kfir’s blog', site: `${harness.server.origin}/`, items: ASGI_ITEMS }), headers: RSS });
    await subscribeStatus(harness.server.url('/backup.xml'));
    const posts = await readStore<StoredPost & { id: number }>(await harness.serviceWorker(), 'posts');
    const readIds = posts.slice(0, 2).map((p) => p.id);
    await callBackground(options, 'setRead', { postIds: readIds, read: true });
    const readGuids = posts.slice(0, 2).map((p) => p.guid).sort();

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export backup' }).click();
    const backupText = await readFile((await (await download).path())!, 'utf8');

    for (const sub of await subscriptions()) await callBackground(options, 'unsubscribe', { subscriptionId: sub.id, keepPosts: false });
    expect(await readStore(await harness.serviceWorker(), 'posts')).toEqual([]);

    await options.getByLabel('Import backup').setInputFiles({ name: 'partwise-backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    // Host access to the restored feeds is asked for in this click.
    await options.getByRole('button', { name: 'Restore the backup' }).click();
    await expect.poll(() => options.locator('#transfer-status').textContent()).toMatch(/Backup restored: 1 subscription added/);
    await callBackground(options, 'refreshNow', {});
    const restored = await readStore<StoredPost>(await harness.serviceWorker(), 'posts');
    expect(restored).toHaveLength(ASGI_ITEMS.length);
    expect(restored.filter((p) => p.unread === 0).map((p) => p.guid).sort()).toEqual(readGuids);
  });

  it('refuses a foreign backup file and keeps the library', async () => {
    harness.server.route('/keep.xml', { body: buildRss({ title: 'Keep', site: `${harness.server.origin}/`, items: ASGI_ITEMS }), headers: RSS });
    await subscribeStatus(harness.server.url('/keep.xml'));
    await options.getByLabel('Import backup').setInputFiles({ name: 'feed.json', mimeType: 'application/json', buffer: Buffer.from('{"version":"https://jsonfeed.org/version/1.1","items":[]}') });
    await expect.poll(() => options.locator('#transfer-status').textContent()).toMatch(/^feed\.json was not imported: /);
    expect((await subscriptions()).map((s) => s.title)).toEqual(['Keep']);
  });
});
