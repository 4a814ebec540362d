import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOpml } from '../../lib/opml/parse-opml';
import { articlePage } from '../fixtures/sample-site';
import { ASGI_ITEMS, ASGI_PART_4, buildRss, MODERN_PYTHON_ITEMS, type RssItemSpec } from '../fixtures/build-rss';
import { artifactPath } from './artifacts';
import { browsersUnderTest, launchBrowser, type BrowserHarness, type Tab } from './browser-harness';
import { clearSyncState, RSS_HEADERS } from './extension-state';

// The flows that must behave the same in every browser Partwise ships to, one file for all of them:
// `npm run test:e2e` runs it in Chromium, `npm run test:e2e:firefox` in Firefox ESR.

interface StoredSubscription {
  id: number;
  feedUrl: string;
  status: string;
  title: string;
  lastResult?: string;
}
interface StoredPost {
  id: number;
  guid: string;
  url?: string;
  unread: number;
  part?: number;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const ASGI_SERIES = 'From Passive FastAPI Developer to Real FastAPI Engineer';
const SUBSCRIBE = { role: 'button', name: 'Subscribe' };

describe.each(browsersUnderTest())('core flows in %s', (browserName) => {
  let harness: BrowserHarness;
  /** Tabs a test opened, closed after it. */
  let opened: Tab[] = [];

  beforeAll(async () => {
    harness = await launchBrowser(browserName, { server: { fallback: articlePage } });
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    harness.server.reset();
    // Sync off first: a send still under way could write the last test's read marks back after the
    // clear below. syncNow waits behind it (sync takes one lock) and, with sync off, does nothing itself.
    await harness.callBackground('setSyncEnabled', { enabled: false });
    await harness.callBackground('syncNow');
    for (const subscription of await harness.readStore<{ id: number }>('subscriptions')) {
      await harness.callBackground('unsubscribe', { subscriptionId: subscription.id, keepPosts: false });
    }
    await harness.callBackground('updateSettings', { markMode: 'visit', showNextInSeries: false });
    // Read marks of one test must not reach the next one's posts through sync.
    await harness.evaluateInExtension(clearSyncState);
    // Sync back on (its default) without the seeding a switch-on does.
    await harness.evaluateInExtension(() => chrome.storage.local.remove('partwise:sync:enabled'));
    // Notifications outlive a test (a refresh that found a post shows one): each test starts with none.
    await harness.evaluateInExtension(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
  });
  afterEach(async () => {
    for (const tab of opened) await tab.close().catch(() => undefined);
    opened = [];
  });

  const track = async (tab: Promise<Tab>): Promise<Tab> => {
    const ready = await tab;
    opened.push(ready);
    return ready;
  };
  const route = (path: string, title: string, items: readonly RssItemSpec[]) =>
    harness.server.route(path, { body: buildRss({ title, site: `${harness.server.origin}/`, items }), headers: RSS_HEADERS });
  const textOf = (tab: Tab, selector: string) => tab.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector);
  const subscriptions = () => harness.readStore<StoredSubscription>('subscriptions');
  const unreadPaths = async () =>
    (await harness.readStore<StoredPost>('posts'))
      .filter((post) => post.unread === 1)
      .map((post) => new URL(post.url!).pathname)
      .sort();

  /** Subscribes through the options page's form and returns the status line it settles on. */
  async function subscribeInOptions(options: Tab, url: string): Promise<string> {
    await options.fill('#subscribe-url', url);
    await options.click(SUBSCRIBE);
    await expect.poll(() => textOf(options, '#subscribe-status'), { timeout: 20_000 }).not.toMatch(/^(|Looking for the feed…)$/);
    return (await textOf(options, '#subscribe-status')) ?? '';
  }

  /** The popup's app (not the inert first paint it replaces), with its groups on screen. */
  async function popup(): Promise<Tab> {
    const page = await track(harness.openPopup());
    await page.setViewport(420, 600);
    await page.waitFor('main.popup-main:not([inert]) section.group');
    return page;
  }
  const groupNames = (page: Tab) => page.evaluate(() => [...document.querySelectorAll('main.popup-main:not([inert]) section.group')].map((s) => s.getAttribute('aria-label')));
  const titlesIn = (page: Tab, name: string) =>
    page.evaluate(
      (group) =>
        [...document.querySelectorAll('main.popup-main:not([inert]) section.group')]
          .filter((section) => section.getAttribute('aria-label') === group)
          // A part's link shows its short title and is named by the full one.
          .flatMap((section) => [...section.querySelectorAll('a[data-post-link]')].map((link) => link.getAttribute('aria-label') ?? link.textContent)),
      name,
    );

  it('loads: the background answers, and the options page and the popup render', async () => {
    const manifest = await harness.evaluateInExtension(() => chrome.runtime.getManifest());
    expect(manifest).toMatchObject({ name: 'Partwise', manifest_version: 3 });
    // The content script is registered at run time, never statically.
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(await harness.callBackground('ping')).toBeTruthy();

    const options = await track(harness.openOptions());
    await expect.poll(() => textOf(options, '[data-testid="background-status"]'), { timeout: 20_000 }).toMatch(/^Partwise \d+\.\d+\.\d+: background running$/);
    const page = await track(harness.openPopup());
    await page.waitFor({ role: 'button', name: 'Add a subscription' });
    expect(await textOf(page, '[role="status"]')).toContain('No subscriptions yet');
  });

  it('subscribes by feed URL from the options page, storing the posts with their series and counting them on the badge', async () => {
    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    const options = await track(harness.openOptions());
    expect(await subscribeInOptions(options, harness.server.url('/asgi.xml'))).toBe('Subscribed to Kfir’s blog (5 posts).');
    const posts = await harness.readStore<StoredPost>('posts');
    expect(posts).toHaveLength(5);
    expect(posts.flatMap((post) => (post.part === undefined ? [] : [post.part])).sort()).toEqual([1, 2, 3]);
    await expect.poll(() => harness.badgeText()).toBe('5');
    expect(await subscribeInOptions(options, harness.server.url('/asgi.xml'))).toBe('You are already subscribed to Kfir’s blog.');
    expect(await subscriptions()).toHaveLength(1);
  });

  it('subscribes by site URL through discovery, letting the user pick among several feeds', async () => {
    harness.server.route('/blog/', {
      body: `<!doctype html><html><head><title>Blog</title>
        <link rel="alternate" type="application/rss+xml" title="All posts" href="feeds/all.xml">
        <link rel="alternate" type="application/rss+xml" title="Python only" href="feeds/python.xml"></head><body></body></html>`,
      headers: HTML,
    });
    harness.server.route('/blog/feeds/all.xml', { body: buildRss({ title: 'All posts', site: `${harness.server.origin}/blog/`, items: ASGI_ITEMS }), headers: RSS_HEADERS });
    const options = await track(harness.openOptions());
    await options.fill('#subscribe-url', harness.server.url('/blog/'));
    await options.click(SUBSCRIBE);
    await options.click({ role: 'button', name: 'Subscribe to All posts' });
    await expect.poll(() => textOf(options, '#subscribe-status'), { timeout: 20_000 }).toBe('Subscribed to All posts (5 posts).');
    expect((await subscriptions()).map((s) => s.feedUrl)).toEqual([harness.server.url('/blog/feeds/all.xml')]);
    await expect.poll(() => options.evaluate(() => document.querySelectorAll('.subscription').length)).toBe(1);
  });

  it('shows series in reading order in the popup, newest group first, with part labels and progress', async () => {
    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    route('/mp.xml', 'Modern Python', MODERN_PYTHON_ITEMS);
    for (const path of ['/asgi.xml', '/mp.xml']) await harness.callBackground('subscribe', { url: harness.server.url(path) });
    const page = await popup();
    // Series first (none is in progress yet), then the standalone posts; the renamed first part opens its series.
    expect(await groupNames(page)).toEqual(['Modern Python in Practice', 'Modern Python Advanced', ASGI_SERIES, 'Kfir’s blog']);
    expect(await titlesIn(page, ASGI_SERIES)).toEqual(ASGI_ITEMS.slice(1, 4).map((item) => item.title));
    expect(await titlesIn(page, 'Modern Python Advanced')).toEqual(MODERN_PYTHON_ITEMS.slice(0, 3).map((item) => item.title));
    const practice = await page.evaluate(() => {
      const section = document.querySelector('main.popup-main:not([inert]) section.group[aria-label="Modern Python in Practice"]')!;
      return {
        parts: [...section.querySelectorAll('.part')].map((part) => part.textContent),
        next: ((link) => link?.getAttribute('aria-label') ?? link?.textContent)(section.querySelector('li.next a')),
        progress: section.textContent?.includes('New series · 4 parts'),
      };
    });
    expect(practice).toEqual({ parts: ['#1', '#2', '#3', '#4'], next: MODERN_PYTHON_ITEMS[3]!.title, progress: true });
    await page.screenshot(artifactPath(`popup-${browserName}.png`));
  });

  it("paints the popup's first screen from its classic script, with the app's leading groups", async () => {
    // The page starts with the classic script; the app's modules follow it.
    const html = await readFile(join(harness.buildDir, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!.trim());
    expect(scripts[0]).toBe('src="/first-paint.js"');
    expect(scripts.slice(1).every((attributes) => attributes.includes('type="module"'))).toBe(true);

    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    route('/mp.xml', 'Modern Python', MODERN_PYTHON_ITEMS);
    for (const path of ['/asgi.xml', '/mp.xml']) await harness.callBackground('subscribe', { url: harness.server.url(path) });
    const page = await popup();
    const appGroups = await groupNames(page);
    // The app took over from the painted preview: no preview left, each group shown once.
    expect(await page.evaluate(() => ({ preview: document.querySelectorAll('#first-page').length, groups: document.querySelectorAll('section.group').length }))).toEqual({
      preview: 0,
      groups: appGroups.length,
    });
    const firstPaint = await harness.popupFirstPaint();
    expect(firstPaint.inert).toBe(true);
    expect(firstPaint.groups.length).toBeGreaterThan(0);
    expect(firstPaint.groups).toEqual(appGroups.slice(0, firstPaint.groups.length));

    // After a change the stored page follows the library, so the next first paint is current.
    const storedUnread = () =>
      harness.evaluateInExtension(() => chrome.storage.session.get('partwise:first-page').then((stored) => (stored['partwise:first-page'] as { unread: number }).unread));
    const before = await storedUnread();
    const [post] = (await harness.readStore<StoredPost>('posts')).filter((p) => p.unread === 1);
    await harness.callBackground('setRead', { postIds: [post!.id], read: true });
    await expect.poll(storedUnread).toBe(before - 1);
  });

  it('opens a post from the popup in a new tab and counts it read', async () => {
    route('/mp.xml', 'Modern Python', MODERN_PYTHON_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/mp.xml') });
    const page = await popup();
    await page.click({ role: 'link', name: MODERN_PYTHON_ITEMS[4]!.title });
    await expect.poll(() => harness.tabUrls(), { timeout: 20_000 }).toContain(harness.server.url('/mp/practice-2.html'));
    await expect.poll(unreadPaths).not.toContain('/mp/practice-2.html');
    // The post's tab came to the front; back to the popup, which followed the library meanwhile.
    await page.bringToFront();
    await expect.poll(() => titlesIn(page, 'Modern Python in Practice'), { timeout: 20_000 }).toEqual([3, 5, 6].map((i) => MODERN_PYTHON_ITEMS[i]!.title));
  });

  it('offers “Subscribe to this site” for the page in the current tab', async () => {
    harness.server.route('/blog/', {
      body: '<!doctype html><html><head><title>A new blog</title><link rel="alternate" type="application/rss+xml" title="New blog" href="/new.xml"></head><body>Hi</body></html>',
      headers: HTML,
    });
    route('/new.xml', 'New blog', [{ title: 'Hello (Part 1)', link: 'new/hello.html', date: '2026-03-01T00:00:00Z' }]);
    await track(harness.newTab(harness.server.url('/blog/')));
    // Found by URL in script: match patterns (tabs.query's `url`) cannot hold the fixture server's port in Firefox.
    const tabId = await harness.evaluateInExtension(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, harness.server.url('/blog/'));
    const page = await track(harness.openPopup(`?tabId=${tabId}`));
    await page.click({ role: 'button', name: 'Subscribe to this site' });
    const statuses = () => page.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((status) => status.textContent));
    await expect.poll(statuses, { timeout: 20_000 }).toContain('Subscribed to New blog (1 post).');
    expect((await subscriptions()).map((s) => s.feedUrl)).toEqual([harness.server.url('/new.xml')]);
  });

  it('marks a post read on visit through the run-time content script, and runs none on an unsubscribed origin', async () => {
    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/asgi.xml') });
    await expect.poll(() => harness.badgeText()).toBe('5');
    const registered = await harness.evaluateInExtension(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((script) => [script.js, script.matches])).toEqual([[['visit.js'], ['http://127.0.0.1/*']]]);

    // The same page on another origin (localhost): no subscription there, so no script and no report.
    const elsewhere = harness.server.url('/posts/passive-to-real-part-1.html').replace('127.0.0.1', 'localhost');
    const other = await track(harness.newTab(elsewhere));
    await other.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));

    const visited = harness.server.url('/posts/passive-to-real-part-2.html?utm_source=newsletter&utm_medium=email&fbclid=abc#comments');
    await track(harness.newTab(visited));
    await expect.poll(unreadPaths).not.toContain('/posts/passive-to-real-part-2.html');
    await expect.poll(() => harness.badgeText()).toBe('4');
    const reports = await harness.visitReports();
    expect(reports).toContain(visited);
    expect(reports.filter((url) => url.includes('localhost'))).toEqual([]);
    expect(await unreadPaths()).toContain('/posts/passive-to-real-part-1.html');
  });

  it('shows exactly one notification and one more on the badge when a refresh finds a new post', async () => {
    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/asgi.xml') });
    await expect.poll(() => harness.badgeText()).toBe('5');
    expect(await harness.notifications()).toEqual({});
    route('/asgi.xml', 'Kfir’s blog', [...ASGI_ITEMS, ASGI_PART_4]);
    await harness.callBackground('refreshNow', {});
    await expect.poll(() => harness.badgeText()).toBe('6');
    await expect.poll(async () => Object.keys(await harness.notifications())).toHaveLength(1);
    expect(await harness.readStore('posts')).toHaveLength(6);
  });

  it('sends validators on the next check and parses nothing on a 304', async () => {
    harness.server.route('/etag.xml', { body: buildRss({ title: 'Kfir’s blog', site: `${harness.server.origin}/`, items: ASGI_ITEMS }), headers: { ...RSS_HEADERS, ETag: '"v1"' } });
    await harness.callBackground('subscribe', { url: harness.server.url('/etag.xml') });
    await harness.callBackground('refreshNow', {});
    expect(harness.server.requests('/etag.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(await subscriptions()).toMatchObject([{ lastResult: 'not-modified', status: 'ok' }]);
  });

  it('follows a permanent redirect to the new address and keeps it', async () => {
    route('/redirecting.xml', 'Kfir’s blog', ASGI_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/redirecting.xml') });
    harness.server.route('/redirecting.xml', { redirect: { to: '/moved/asgi.xml', status: 301 } });
    route('/moved/asgi.xml', 'Kfir’s blog', [...ASGI_ITEMS, ASGI_PART_4]);
    // Where the browser hides a redirect's status from the extension, the move is confirmed on a second check.
    await harness.callBackground('refreshNow', {});
    await harness.callBackground('refreshNow', {});
    expect((await subscriptions()).map((s) => s.feedUrl)).toEqual([harness.server.url('/moved/asgi.xml')]);
    expect(await harness.readStore('posts')).toHaveLength(6);
  });

  it('imports an OPML file without notifications, refreshes every feed, and exports the same list', async () => {
    const count = 20;
    for (let i = 0; i < count; i += 1) route(`/opml/${i}.xml`, `Blog ${i}`, i % 2 ? ASGI_ITEMS.slice(0, 2) : MODERN_PYTHON_ITEMS.slice(0, 2));
    const outlines = Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(`/opml/${i}.xml`)}"/>`);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Python">${outlines.join('\n')}</outline></body></opml>`;
    const options = await track(harness.openOptions());
    await options.setFile('input[type="file"][accept*="opml"]', { name: 'mine.opml', mimeType: 'text/x-opml', content: opml });
    await options.click({ role: 'button', name: `Import ${count} feeds` });
    await expect.poll(() => textOf(options, '#transfer-status'), { timeout: 30_000 }).toMatch(`Imported ${count} feeds; 0 skipped.`);

    await options.click({ role: 'button', name: 'Refresh all' });
    await expect.poll(async () => (await subscriptions()).filter((s) => s.status === 'ok').length, { timeout: 60_000 }).toBe(count);
    expect(await harness.readStore('posts')).toHaveLength(count * 2);
    expect(await harness.notifications()).toEqual({});

    const exported = await harness.download(options, { role: 'button', name: 'Export OPML' });
    const urls = (feeds: { feedUrl: string }[]) => feeds.map((feed) => feed.feedUrl).sort();
    expect(urls(parseOpml(exported.text).feeds)).toEqual(urls(parseOpml(opml).feeds));
    expect(new Set(parseOpml(exported.text).feeds.map((feed) => feed.tags.join('/')))).toEqual(new Set(['Python']));
  });

  it('backs up, wipes and restores the library with its read state', async () => {
    route('/backup.xml', 'Kfir’s blog', ASGI_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/backup.xml') });
    const posts = await harness.readStore<StoredPost>('posts');
    await harness.callBackground('setRead', { postIds: posts.slice(0, 2).map((post) => post.id), read: true });
    const readGuids = posts.slice(0, 2).map((post) => post.guid).sort();

    const options = await track(harness.openOptions());
    const backup = await harness.download(options, { role: 'button', name: 'Export backup' });
    expect(backup.name).toMatch(/\.json$/);
    for (const subscription of await subscriptions()) await harness.callBackground('unsubscribe', { subscriptionId: subscription.id, keepPosts: false });
    expect(await harness.readStore('posts')).toEqual([]);

    await options.setFile('input[type="file"][accept*="json"]', { name: backup.name, mimeType: 'application/json', content: backup.text });
    // Host access to the restored feeds is asked for in this click.
    await options.click({ role: 'button', name: 'Restore the backup' });
    await expect.poll(() => textOf(options, '#transfer-status'), { timeout: 20_000 }).toMatch(/Backup restored: 1 subscription added/);
    await harness.callBackground('refreshNow', {});
    const restored = await harness.readStore<StoredPost>('posts');
    expect(restored).toHaveLength(ASGI_ITEMS.length);
    expect(restored.filter((post) => post.unread === 0).map((post) => post.guid).sort()).toEqual(readGuids);
  });

  it('keeps marking on visit after the background stops, starting again from what it stored', async () => {
    route('/asgi.xml', 'Kfir’s blog', ASGI_ITEMS);
    await harness.callBackground('subscribe', { url: harness.server.url('/asgi.xml') });
    await expect.poll(() => harness.badgeText()).toBe('5');
    await harness.stopBackground();
    // The visit's message is the event that starts the background again.
    await track(harness.newTab(harness.server.url('/posts/passive-to-real-part-3.html')));
    await expect.poll(unreadPaths, { timeout: 20_000 }).not.toContain('/posts/passive-to-real-part-3.html');
    await expect.poll(() => harness.badgeText()).toBe('4');
  });

  it('loses and duplicates nothing when the background is stopped half-way through a refresh', async () => {
    const count = 12;
    const feed = (i: number, delayMs?: number) =>
      harness.server.route(`/many/${i}.xml`, { body: buildRss({ title: `Blog ${i}`, site: `${harness.server.origin}/b${i}/`, items: ASGI_ITEMS }), headers: RSS_HEADERS, ...(delayMs ? { delayMs } : {}) });
    for (let i = 0; i < count; i += 1) feed(i);
    const opml = `<opml version="2.0"><body>${Array.from({ length: count }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="${harness.server.url(`/many/${i}.xml`)}"/>`).join('')}</body></opml>`;
    await harness.callBackground('importOpml', { text: opml });
    // Slow answers keep the refresh in flight long enough to stop the background in the middle of it.
    for (let i = 0; i < count; i += 1) feed(i, 700);
    void harness.callBackground('refreshNow', {}).catch(() => undefined);
    await expect.poll(() => harness.server.requests().filter((r) => r.path.startsWith('/many/')).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await harness.stopBackground();
    await harness.callBackground('ping');
    expect((await subscriptions()).filter((s) => s.status === 'ok').length).toBeLessThan(count);

    await harness.callBackground('refreshNow', {});
    const after = await subscriptions();
    expect(after).toHaveLength(count);
    expect(after.every((s) => s.status === 'ok')).toBe(true);
    const posts = await harness.readStore<StoredPost & { subscriptionId: number }>('posts');
    expect(posts).toHaveLength(count * ASGI_ITEMS.length);
    expect(new Set(posts.map((p) => `${p.subscriptionId}:${p.guid}`)).size).toBe(posts.length);
  });
});
