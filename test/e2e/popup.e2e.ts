import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ASGI_ITEMS, ASGI_PART_4, MODERN_PYTHON_ITEMS } from '../fixtures/build-rss';
import { artifactPath } from './artifacts';
import { callBackground, readStore } from './extension-state';
import { FIRST_PAINT_RECORDER } from './chromium-harness';
import { groupNames, linkTitles, usePopupSession } from './popup-session';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Hacked <script>window.__pwned=2</script>';

describe('the popup in Chromium', () => {
  const session = usePopupSession([
    { path: '/asgi.xml', title: 'Kfir’s blog', items: ASGI_ITEMS },
    { path: '/mp.xml', title: 'Modern Python', items: MODERN_PYTHON_ITEMS },
    { path: '/hostile.xml', title: 'Hostile', items: [{ title: HOSTILE, link: 'h/1.html', date: '2024-01-01T00:00:00Z' }] },
  ]);
  const { route, popup } = session;
  const titlesIn = (page: Page, name: string) => linkTitles(page.getByRole('region', { name, exact: true }).locator('a[data-post-link]'));

  it('groups series in reading order and standalone posts by feed, series first, newest group first', async () => {
    const page = await popup();
    expect(await groupNames(page)).toEqual([
      'Modern Python in Practice',
      'Modern Python Advanced',
      'From Passive FastAPI Developer to Real FastAPI Engineer',
      'Kfir’s blog',
      'Hostile',
    ]);
    expect(await titlesIn(page, 'From Passive FastAPI Developer to Real FastAPI Engineer')).toEqual(ASGI_ITEMS.slice(1, 4).map((i) => i.title));
    expect(await titlesIn(page, 'Modern Python Advanced')).toEqual(MODERN_PYTHON_ITEMS.slice(0, 3).map((i) => i.title));
    const practice = page.getByRole('region', { name: 'Modern Python in Practice', exact: true });
    // The renamed first part ("Modern Python FastAPI #1", published before Practice #2) opens the series.
    expect(await practice.locator('.part').allTextContents()).toEqual(['#1', '#2', '#3', '#4']);
    expect((await practice.locator('li.next a').getAttribute('aria-label')) ?? (await practice.locator('li.next a').textContent())).toBe(MODERN_PYTHON_ITEMS[3]!.title);
    expect(await practice.getByText('New series · 4 parts').count()).toBe(1);
    await page.screenshot({ path: artifactPath('popup.png') });
    await page.close();
  });

  it('paints the first screen of the page the background keeps ready, and the app takes over with the same groups', async () => {
    const page = await session.harness.context.newPage();
    await page.addInitScript(FIRST_PAINT_RECORDER);
    await page.goto(session.harness.extensionUrl('popup.html'));
    await page.locator('main.popup-main:not([inert]) section.group').first().waitFor();
    const firstPaint = (await page.evaluate('window.__firstPaint')) as { inert: boolean; groups: string[] };
    expect(firstPaint.inert).toBe(true);
    // The first paint holds the first screen: the app's leading groups, in the same order.
    expect(firstPaint.groups.length).toBeGreaterThan(0);
    expect(firstPaint.groups).toEqual((await groupNames(page)).slice(0, firstPaint.groups.length));

    // After a change the stored page follows the library, so the next first paint is current.
    const storedPage = () =>
      page.evaluate(`chrome.storage.session.get('partwise:first-page').then((r) => r['partwise:first-page'])`) as Promise<{
        unread: number;
        groups: { posts: { title: string }[] }[];
      }>;
    const before = await storedPage();
    const title = MODERN_PYTHON_ITEMS[4]!.title;
    await page.getByRole('link', { name: title }).focus();
    await page.keyboard.press('m');
    await expect.poll(async () => (await storedPage()).unread).toBe(before.unread - 1);
    expect((await storedPage()).groups.flatMap((group) => group.posts.map((post) => post.title))).not.toContain(title);
    await page.close();
  });

  it('stays live while open: a post read in another tab leaves it, and a refresh brings the new part in', async () => {
    const page = await popup();
    const series = 'From Passive FastAPI Developer to Real FastAPI Engineer';
    const read = ASGI_ITEMS[1]!;
    expect(await titlesIn(page, series)).toContain(read.title);

    // Read in a tab of its own: the content script marks it, and the open popup follows the library.
    const article = await session.harness.newTab(session.harness.server.url(`/${read.link}`));
    await expect.poll(() => titlesIn(page, series)).not.toContain(read.title);
    await article.close();

    // A refresh lands while the popup is open: the new part joins its series, in reading order.
    route('/asgi.xml', 'Kfir’s blog', [...ASGI_ITEMS, ASGI_PART_4]);
    await callBackground(session.options, 'refreshNow', {});
    await expect.poll(() => titlesIn(page, series)).toEqual([ASGI_ITEMS[2]!.title, ASGI_ITEMS[3]!.title, ASGI_PART_4.title]);
    await page.close();
  });

  it('follows the system theme unless one is chosen, and fits its 800×600 limit with long titles wrapped', async () => {
    const unbroken = `Modern${'Python'.repeat(60)}`;
    const long = `${'A very long title about asynchronous Python services and their many moving parts, '.repeat(4)}the end`;
    route('/long.xml', 'Long titles', [
      { title: unbroken, link: 'long/1.html', date: '2030-01-02T00:00:00Z' },
      { title: long, link: 'long/2.html', date: '2030-01-01T00:00:00Z' },
    ]);
    await callBackground(session.options, 'subscribe', { url: session.harness.server.url('/long.xml') });
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const DARK = 'rgb(21, 24, 29)';
    const LIGHT = 'rgb(255, 255, 255)';

    const page = await popup();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(LIGHT);

    // Within the popup's limit, nothing runs off to the side: long titles wrap, even without spaces.
    const box = await page.evaluate(() => ({ width: document.body.getBoundingClientRect().width, height: document.body.getBoundingClientRect().height, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
    expect(box.width).toBeLessThanOrEqual(800);
    expect(box.height).toBeLessThanOrEqual(600);
    expect(box.overflow).toBe(0);
    for (const title of [unbroken, long]) {
      const link = page.getByRole('link', { name: title, exact: true });
      const rect = (await link.boundingBox())!;
      expect(rect.x + rect.width).toBeLessThanOrEqual(box.width);
      expect(rect.height).toBeGreaterThan(30);
    }
    await page.close();

    // A chosen theme wins over the system's.
    await callBackground(session.options, 'updateSettings', { theme: 'dark' });
    const chosen = await popup();
    await chosen.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(chosen)).toBe(DARK);
    await chosen.close();
    await callBackground(session.options, 'updateSettings', { theme: 'system' });
  });

  it('says when everything is read, with a line naming each failing feed and its error', async () => {
    const posts = await readStore<{ id: number }>(await session.harness.serviceWorker(), 'posts');
    await callBackground(session.options, 'setRead', { postIds: posts.map((post) => post.id), read: true });
    session.harness.server.route('/mp.xml', { status: 500 });
    await callBackground(session.options, 'refreshNow', {});

    const page = await session.harness.newTab(session.harness.extensionUrl('popup.html'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'All caught up' }).count()).toBe(1);
    expect(await page.locator('section.group').count()).toBe(0);
    const problems = page.getByRole('list', { name: 'Feeds with problems' }).getByRole('listitem');
    expect(await problems.allTextContents()).toEqual(['Modern Python: The site had an internal error (HTTP 500).']);
    await page.close();
  });

  it('shows hostile titles as text and runs none of their code', async () => {
    const page = await popup();
    const link = page.getByRole('region', { name: 'Hostile' }).locator('a[data-post-link]');
    const [stored] = (await readStore<{ title: string; subscriptionId: number }>(await session.harness.serviceWorker(), 'posts')).filter((p) => p.title.includes('Hacked'));
    // Titles are plain text: the parser strips the markup, and the popup shows what is left as text.
    expect(await link.textContent()).toBe(stored!.title);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.reading-list img, .reading-list script').count()).toBe(0);
    await page.close();
  });

  it('opens a post in a new tab, marks it read, and undoes the marking', async () => {
    const page = await popup();
    const region = page.getByRole('region', { name: 'Modern Python in Practice', exact: true });
    const opened = session.harness.context.waitForEvent('page');
    await region.getByRole('link', { name: MODERN_PYTHON_ITEMS[4]!.title }).click();
    expect((await opened).url()).toBe(session.harness.server.url('/mp/practice-2.html'));
    await expect.poll(() => region.getByText('1 of 4 read').count()).toBe(1);
    expect(await titlesIn(page, 'Modern Python in Practice')).toEqual([MODERN_PYTHON_ITEMS[3]!, ...MODERN_PYTHON_ITEMS.slice(5, 7)].map((i) => i.title));
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => titlesIn(page, 'Modern Python in Practice')).toHaveLength(4);
    await page.close();
  });

  it('marks a whole group read, and brings it back with undo', async () => {
    const page = await popup();
    await page.getByRole('button', { name: 'Mark all read: Modern Python Advanced' }).click();
    await expect.poll(() => groupNames(page)).not.toContain('Modern Python Advanced');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => groupNames(page)).toContain('Modern Python Advanced');
    await page.close();
  });

  it('searches titles, and shows read posts on request', async () => {
    const page = await popup();
    await page.keyboard.press('/');
    await page.keyboard.type('metaclasses');
    await expect.poll(() => linkTitles(page.locator('a[data-post-link]'))).toEqual([MODERN_PYTHON_ITEMS[1]!.title]);
    await page.getByLabel('Search titles').fill('');
    await page.getByRole('button', { name: `Mark read: ${ASGI_ITEMS[0]!.title}` }).click();
    await expect.poll(() => linkTitles(page.locator('a[data-post-link]'))).not.toContain(ASGI_ITEMS[0]!.title);
    await page.getByLabel('Show read').check();
    await expect.poll(() => linkTitles(page.locator('a[data-post-link]'))).toContain(ASGI_ITEMS[0]!.title);
    await page.close();
  });

  it('moves with j/k, toggles read with m and opens with Enter', async () => {
    const page = await popup();
    await page.locator('body').focus();
    await page.keyboard.press('j');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    expect(first).toBe(MODERN_PYTHON_ITEMS[3]!.title);
    // Keyboard focus is always visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent)).toBe(first);
    await page.keyboard.press('m');
    await expect.poll(() => page.getByRole('region', { name: 'Modern Python in Practice', exact: true }).getByText('1 of 4 read').count()).toBe(1);
    // The read post leaves the list; moving on starts again from the top, now Practice #2.
    await expect.poll(() => titlesIn(page, 'Modern Python in Practice')).not.toContain(MODERN_PYTHON_ITEMS[3]!.title);
    const opened = session.harness.context.waitForEvent('page');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    expect((await opened).url()).toMatch(/\/mp\/practice-2\.html$/);
    await page.close();
  });

  it('offers “Subscribe to this site” for a page with a feed, and “Save this page”', async () => {
    session.harness.server.route('/blog/', {
      body: `<!doctype html><html><head><title>A new blog</title><link rel="alternate" type="application/rss+xml" title="New blog" href="/new.xml"></head><body>Hi</body></html>`,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    route('/new.xml', 'New blog', [{ title: 'Hello (Part 1)', link: 'new/hello.html', date: '2026-03-01T00:00:00Z' }]);
    const site = await session.harness.newTab(session.harness.server.url('/blog/'));
    const tabId = await session.harness.serviceWorker().then((worker) => worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, session.harness.server.url('/blog/')));
    const page = await popup(`?tabId=${tabId}`);
    await page.getByRole('button', { name: 'Subscribe to this site' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Subscribed to New blog (1 post).');
    await page.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Saved to your reading list.');
    await expect.poll(() => titlesIn(page, 'Saved pages')).toEqual(['A new blog']);
    await site.close();
    await page.close();
  });
});
