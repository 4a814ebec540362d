import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ASGI_ITEMS, MODERN_PYTHON_ITEMS, type RssItemSpec } from '../fixtures/build-rss';
import { callBackground, readStore } from './extension-state';
import { groupNames, linkTitles, usePopupSession } from './popup-session';

/** Seed 002's three related posts, which carry no part number, and one that is not theirs. */
const SELECTED_ITEMS: readonly RssItemSpec[] = [
  { title: 'Introduction to Django Channels', link: 'sel/intro.html', date: '2024-03-01T00:00:00Z' },
  { title: 'Django Channels: Using Custom Channels', link: 'sel/custom.html', date: '2024-04-01T00:00:00Z' },
  { title: 'Deploying Django Channels using Daphne', link: 'sel/daphne.html', date: '2024-05-01T00:00:00Z' },
  { title: 'Why I write tests first', link: 'sel/tests.html', date: '2024-06-01T00:00:00Z' },
];
const FASTAPI = 'From Passive FastAPI Developer to Real FastAPI Engineer';

/** The popup, as a reader uses it many times a day, in Chromium (issue 17). */
describe('the popup and options page as a reader uses them', () => {
  const session = usePopupSession([
    { path: '/asgi.xml', title: 'Kfir’s blog', items: ASGI_ITEMS },
    { path: '/mp.xml', title: 'Modern Python', items: MODERN_PYTHON_ITEMS },
    { path: '/sel.xml', title: 'Selected posts', items: SELECTED_ITEMS },
  ]);
  const { popup } = session;
  const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
  const fontSize = (locator: Locator) => locator.first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize));

  it('renders text at a readable size: post titles at 13 px or more, in the popup and the options page', async () => {
    const page = await popup();
    expect(await fontSize(page.locator('a[data-post-link]'))).toBeGreaterThanOrEqual(13);
    expect(await fontSize(page.getByLabel('Search titles'))).toBeGreaterThanOrEqual(13);
    expect(await fontSize(page.locator('section.group h2'))).toBeGreaterThanOrEqual(14);
    expect(await fontSize(page.locator('.post-meta'))).toBeGreaterThanOrEqual(12);
    await page.close();
    const settings = await session.harness.openOptions();
    await settings.locator('.subscription').first().waitFor();
    expect(await fontSize(settings.locator('.sub-name'))).toBeGreaterThanOrEqual(13);
    expect(await fontSize(settings.getByLabel('Feed or site URL'))).toBeGreaterThanOrEqual(13);
    await settings.close();
  });

  it('shows the series in progress first, on the first screen, in the first paint and in the app', async () => {
    // The reader has read FastAPI part 1: that series is the one they are in the middle of.
    const posts = await readStore<{ id: number; title: string }>(await session.harness.serviceWorker(), 'posts');
    const part1 = posts.find((post) => post.title === ASGI_ITEMS[1]!.title)!;
    await callBackground(session.options, 'setRead', { postIds: [part1.id], read: true });

    const page = await session.harness.context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.addInitScript(`new MutationObserver((_, observer) => {
      const first = document.querySelector('main[inert] section.group');
      if (!first) return;
      observer.disconnect();
      window.__firstPaintGroup = first.getAttribute('aria-label');
    }).observe(document, { childList: true, subtree: true });`);
    await page.goto(session.harness.extensionUrl('popup.html'));
    await page.locator('main.popup-main:not([inert]) section.group').first().waitFor();
    expect(await page.evaluate('window.__firstPaintGroup')).toBe(FASTAPI);
    const names = await groupNames(page);
    expect(names[0]).toBe(FASTAPI);
    // New series come next, then the feeds' standalone posts.
    expect(names.slice(1, 3).sort()).toEqual(['Modern Python Advanced', 'Modern Python in Practice']);
    const box = (await region(page, FASTAPI).boundingBox())!;
    expect(box.y).toBeLessThan(200);
    expect(await region(page, FASTAPI).getByText('1 of 3 read').count()).toBe(1);
    await page.close();
  });

  it('shows a part by its number and own title, once, and no empty progress bar for a new series', async () => {
    const page = await popup();
    const practice = region(page, 'Modern Python in Practice');
    expect(await practice.locator('a[data-post-link]').allTextContents()).toEqual([
      // The renamed first part keeps its own words: they name it better than the series' name would.
      'Modern Python FastAPI #1 Getting Started and Setup',
      'Routing, Pydantic Models, and Dependency Injection',
      'Connecting a DB — SQLAlchemy 2.x + Alembic',
      'Authentication — OAuth2 Password Flow + JWT',
    ]);
    expect(await practice.locator('.part').allTextContents()).toEqual(['#1', '#2', '#3', '#4']);
    expect(await practice.locator('.post .feed').count()).toBe(0);
    expect(await practice.locator('.progress-bar').count()).toBe(0);
    // A part takes at most three lines at 420 px (its title, wrapped once, and its date), not four.
    for (const row of await practice.locator('li.post').all()) expect((await row.boundingBox())!.height).toBeLessThan(76);
    await page.close();
  });

  it('edits a standalone and a series group in a panel inside the popup, moves a post into a series, and starts a series', async () => {
    const page = await popup();
    // A series group: the panel opens right under its header, inside the popup's width.
    const practice = region(page, 'Modern Python in Practice');
    const editSeries = practice.getByRole('button', { name: 'Edit series: Modern Python in Practice' });
    await editSeries.click();
    const seriesPanel = practice.getByRole('group', { name: 'Edit series: Modern Python in Practice' });
    const [button, panel] = [(await editSeries.boundingBox())!, (await seriesPanel.boundingBox())!];
    expect(panel.y - (button.y + button.height)).toBeLessThan(80);
    expect(panel.x + panel.width).toBeLessThanOrEqual(420);
    await editSeries.click();
    expect(await seriesPanel.count()).toBe(0);

    // A standalone group opens a panel that is never empty, even before the series choices load.
    const kfir = region(page, 'Kfir’s blog');
    await kfir.getByRole('button', { name: 'Edit group: Kfir’s blog' }).click();
    const kfirPanel = kfir.getByRole('group', { name: 'Edit group: Kfir’s blog' });
    expect(await kfirPanel.getByRole('button', { name: 'Start series' }).count()).toBe(1);
    // Move a standalone post into the FastAPI series through the panel.
    const podcasts = ASGI_ITEMS[4]!.title;
    const move = kfirPanel.getByLabel(`Move “${podcasts}” to`);
    await expect.poll(() => move.locator('option').allTextContents()).toContain(FASTAPI);
    await move.selectOption({ label: FASTAPI });
    await expect.poll(() => linkTitles(region(page, FASTAPI).locator('a[data-post-link]'))).toContain(podcasts);

    // Seed 002's three "Django Channels" posts carry no number: the reader makes them a series.
    const selected = region(page, 'Selected posts');
    await selected.getByRole('button', { name: 'Edit group: Selected posts' }).click();
    const selectedPanel = selected.getByRole('group', { name: 'Edit group: Selected posts' });
    for (const item of SELECTED_ITEMS.slice(0, 3)) await selectedPanel.getByLabel(item.title).check();
    await selectedPanel.getByLabel('New series name').fill('Django Channels');
    await selectedPanel.getByRole('button', { name: 'Start series' }).click();
    await expect.poll(() => groupNames(page)).toContain('Django Channels');
    const channels = region(page, 'Django Channels');
    expect(await linkTitles(channels.locator('a[data-post-link]'))).toEqual(SELECTED_ITEMS.slice(0, 3).map((item) => item.title));
    expect(await channels.locator('.part').allTextContents()).toEqual(['Part 1', 'Part 2', 'Part 3']);
    expect(await linkTitles(region(page, 'Selected posts').locator('a[data-post-link]'))).toEqual([SELECTED_ITEMS[3]!.title]);
    await page.close();
  });

  it('keeps the options page usable with 300 feeds: folders, a filter, natural sort, and import/export and settings in view', async () => {
    const outlines: string[] = [];
    for (const folder of ['Python', 'Rust', 'Web']) {
      const feeds = Array.from({ length: 100 }, (_, i) => `<outline type="rss" text="${folder} blog ${i + 1}" xmlUrl="${session.harness.server.url(`/many/${folder}/${i + 1}.xml`)}"/>`);
      outlines.push(`<outline text="${folder}">${feeds.join('')}</outline>`);
    }
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Many</title></head><body>${outlines.join('')}</body></opml>`;
    await callBackground(session.options, 'importOpml', { text: opml });
    const page = await session.harness.openOptions();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.locator('.subscription').count(), { timeout: 20_000 }).toBe(303);

    // Import/export and settings are in view at the top, beside the list.
    for (const heading of ['Import and export', 'Settings']) {
      const box = (await page.getByRole('heading', { name: heading, exact: true }).boundingBox())!;
      expect(box.y + box.height).toBeLessThan(800);
    }
    // Every choice of the settings fits its menu: each menu is as wide as a copy of it sized to its
    // longest option (the browser's own measure, arrow included).
    const settingsMenus = (await page.locator('.settings-grid select').evaluateAll((menus) =>
      (menus as HTMLSelectElement[]).map((menu) => {
        const copy = menu.cloneNode(true) as HTMLSelectElement;
        copy.removeAttribute('id');
        Object.assign(copy.style, { position: 'absolute', width: 'auto', visibility: 'hidden' });
        menu.after(copy);
        const needed = copy.offsetWidth;
        copy.remove();
        return { id: menu.id, width: menu.offsetWidth, needed };
      }),
    ));
    expect(settingsMenus.length).toBeGreaterThanOrEqual(3);
    for (const menu of settingsMenus) expect(menu.width, menu.id).toBeGreaterThanOrEqual(menu.needed);
    // Folders from the OPML outlines, natural order inside them, and collapsible.
    const python = page.getByRole('region', { name: 'Python', exact: true });
    expect((await python.locator('.sub-name').allTextContents()).slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => `Python blog ${i + 1}`));
    const toggle = python.getByRole('button', { name: 'Python (100)' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await python.locator('.subscription').count()).toBe(0);
    await toggle.click();
    expect(await python.locator('.subscription').count()).toBe(100);
    // One line per feed.
    expect((await python.locator('.subscription').first().boundingBox())!.height).toBeLessThan(48);

    // The filter box.
    await page.getByLabel('Filter feeds').fill('rust blog 1');
    await expect.poll(() => page.locator('.sub-name').allTextContents()).toEqual(['Rust blog 1', ...Array.from({ length: 10 }, (_, i) => `Rust blog ${i + 10}`), 'Rust blog 100']);
    await page.getByLabel('Filter feeds').fill('');

    // Move a feed to another folder, rename a folder: the export follows.
    const row = page.locator('.subscription', { hasText: 'Web blog 7' }).first();
    await row.locator('.sub-toggle').click();
    await row.getByLabel('Folder').fill('Reading later');
    await row.getByLabel('Folder').press('Tab');
    await expect.poll(() => page.getByRole('region', { name: 'Reading later', exact: true }).locator('.subscription').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Rename folder Rust' }).click();
    await page.getByLabel('New name of folder Rust').fill('Systems');
    await page.getByRole('button', { name: 'Save' }).click();
    // One edit per feed of the folder: wait for all hundred.
    await expect.poll(() => page.getByRole('region', { name: 'Systems', exact: true }).locator('.subscription').count(), { timeout: 30_000 }).toBe(100);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export OPML' }).click();
    const text = await readFile((await (await download).path())!, 'utf8');
    expect(text).toMatch(/<outline text="Systems" title="Systems">/);
    expect(text).toMatch(/<outline text="Reading later" title="Reading later">\s*<outline [^>]*text="Web blog 7"/);
    expect(text).not.toMatch(/text="Rust"/);
    await page.close();
  });

  it('explains a typed address and an empty OPML in plain words', async () => {
    const page = await session.harness.openOptions();
    const field = page.getByLabel('Feed or site URL');
    expect(await field.getAttribute('type')).toBe('text');
    await field.fill('ftp://files.example.com/feed');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect.poll(() => page.locator('#subscribe-status').textContent()).toBe('Partwise can follow only http and https addresses.');

    const empty = '<?xml version="1.0"?><opml version="2.0"><head><title>Empty</title></head><body></body></opml>';
    await page.getByLabel('Import OPML').setInputFiles({ name: 'empty.opml', mimeType: 'text/x-opml', buffer: Buffer.from(empty) });
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('empty.opml lists no feeds'));
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    await page.close();
  });

  it('shows a summary on demand as text, lists one feed or the starred posts, marks all read with undo, and shows its keys', async () => {
    const page = await popup();
    // The summary, from the feed's description, as text.
    const first = ASGI_ITEMS[4]!.title;
    await page.getByRole('button', { name: `Summary: ${first}` }).click();
    await expect.poll(() => page.locator('.summary').first().textContent()).toBe(first);
    expect(await page.locator('.summary *').count()).toBe(0);

    // Stars, and the starred list.
    await page.getByRole('button', { name: `Star: ${first}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Star: ${first}` }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Starred' });
    await expect.poll(() => linkTitles(page.locator('a[data-post-link]'))).toEqual([first]);
    // One feed.
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Selected posts' });
    await expect.poll(() => groupNames(page)).toEqual(['Selected posts']);
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All posts' });
    await expect.poll(() => groupNames(page)).toContain('Kfir’s blog');

    // Mark all read, and undo.
    await page.getByRole('button', { name: 'Mark all read', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'All caught up' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('main:not([inert]) section.group').count()).toBeGreaterThan(3);

    // The keys, with ?.
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await help.getByText('Star to read later, or remove the star').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    // The browser command that opens the popup.
    const manifest = await (await session.harness.serviceWorker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+P' });
    await page.close();
  });
});
