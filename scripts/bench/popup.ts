/**
 * Popup benchmark (issue 6): time from navigation start to the first rendered post, in headless
 * Chromium, with 100,000 posts (5,000 unread) in 500 subscriptions, against a baseline library of
 * 50 posts measured in the same run.
 */
import type { Page } from 'playwright-core';
import { callBackground } from '../../test/e2e/extension-state';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_BUILD_DIR, launchExtension, type ExtensionHarness } from '../../test/e2e/harness';
import { median } from './extension-session';
import { FIRST_PAGE_KEY } from '../../lib/reading-list/first-page-key';

const RUNS = 11;

/** Writes a synthetic library straight into the extension's IndexedDB (the schema Dexie created). */
export async function seed(page: Page, subscriptions: number, posts: number, unread: number): Promise<void> {
  await page.evaluate(`(async ({ subscriptions, posts, unread }) => {
    const db = await new Promise((resolve, reject) => { const open = indexedDB.open('partwise'); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const write = (store, rows) => new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite'); const target = tx.objectStore(store);
      for (const row of rows) target.put(row);
      tx.oncomplete = resolve; tx.onerror = () => reject(tx.error);
    });
    const now = Date.UTC(2026, 10, 1);
    await write('subscriptions', Array.from({ length: subscriptions }, (_, i) => ({ id: i + 1, feedUrl: 'https://blog' + i + '.test/feed.xml', title: 'Blog ' + i, tags: [], nextCheckAt: now + 3600e3, status: 'ok', errorStreak: 0, notify: true, markOnVisit: true, createdAt: now })));
    const seriesRows = [];
    for (let s = 0; s < subscriptions; s++) for (let k = 0; k < 4; k++) seriesRows.push({ id: s * 4 + k + 1, subscriptionId: s + 1, key: 'series-' + k, name: 'A Long Series Number ' + k, overrides: [] });
    await write('series', seriesRows);
    const every = Math.floor(posts / unread);
    for (let start = 0; start < posts; start += 10000) {
      const rows = [];
      for (let i = start; i < Math.min(posts, start + 10000); i++) {
        const sub = Math.floor(i / (posts / subscriptions)) + 1; const inSeries = i % 5 === 0; const isUnread = i % every === 3 % every;
        const row = { id: i + 1, subscriptionId: sub, guid: 'p' + i, url: 'https://blog' + (sub - 1) + '.test/posts/' + i, normalizedUrl: 'blog' + (sub - 1) + '.test/posts/' + i,
          title: inSeries ? 'A Long Series Number ' + (i % 4) + ' – Part ' + (Math.floor(i / 20) % 12 + 1) + ': Something' : 'A standalone post about topic ' + i, authors: ['Author'], categories: ['tech'],
          published: now - i * 60000, firstSeenAt: now - i * 60000, sortAt: now - i * 60000, unread: isUnread ? 1 : 0 };
        if (!isUnread) row.readAt = now;
        if (inSeries) { row.seriesKey = 'series-' + (i % 4); row.part = Math.floor(i / 20) % 12 + 1; }
        rows.push(row);
      }
      await write('posts', rows);
    }
    db.close();
  })(${JSON.stringify({ subscriptions, posts, unread })})`);
}

/**
 * Seeds a library and lets the background catch up, as it does after every change that goes through
 * it (refreshes, reads, imports): here the seed bypassed it, so a sync message stands in.
 */
async function seedLibrary(page: Page, subscriptions: number, posts: number, unread: number): Promise<void> {
  await seed(page, subscriptions, posts, unread);
  await callBackground(page, 'syncContentScripts');
}

/** One popup opening: navigation start to the first post link, and to DOMContentLoaded (the page's scripts have run). */
interface Opening {
  firstPost: number;
  pageLoaded: number;
}

async function openPage(harness: ExtensionHarness, path: string): Promise<Opening> {
  const page = await harness.context.newPage();
  await page.addInitScript(`new MutationObserver((_, observer) => {
    if (document.querySelector('[data-post-link]')) { window.__firstPost = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });`);
  await page.goto(harness.extensionUrl(path));
  await page.waitForSelector('[data-post-link]');
  const opening = (await page.evaluate(
    `({ firstPost: window.__firstPost, pageLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart })`,
  )) as Opening;
  await page.close();
  return opening;
}

/** Launches a browser whose library holds the given numbers of subscriptions, posts and unread posts. */
async function browserWithLibrary(buildDir: string, subscriptions: number, posts: number, unread: number): Promise<ExtensionHarness> {
  const harness = await launchExtension({ buildDir });
  const options = await harness.openOptions();
  await options.waitForTimeout(500);
  await seedLibrary(options, subscriptions, posts, unread);
  // Extension pages share one renderer: an options page left open would keep re-rendering the
  // seeded library while the popup is measured.
  await options.close();
  return harness;
}

// The floor of a page that shows what the background stored: one small script, one storage read, one link.
const READ_FLOOR_SCRIPT = `(globalThis.browser ?? chrome).storage.session.get(${JSON.stringify(FIRST_PAGE_KEY)}).then(() => {
  const link = document.createElement('a');
  link.href = '#';
  link.dataset.postLink = '';
  link.textContent = 'floor';
  document.body.append(link);
});`;

/**
 * A copy of the built extension with three more pages: a static link and nothing else, the floor any
 * extension page pays before its own code runs; the same link after one empty script, the floor of any
 * page that runs code; and a link added by a small script once one storage read has answered, the floor
 * of any page that shows what the background stored. The shipped extension has none of them.
 */
async function buildWithFloorPages(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'partwise-bench-popup-'));
  await cp(E2E_BUILD_DIR, dir, { recursive: true });
  await writeFile(join(dir, 'floor.html'), '<!doctype html><html><body><a data-post-link href="#">floor</a></body></html>');
  await writeFile(join(dir, 'floor-script.js'), ';');
  await writeFile(join(dir, 'floor-script.html'), '<!doctype html><html><head><script src="/floor-script.js"></script></head><body><a data-post-link href="#">floor</a></body></html>');
  await writeFile(join(dir, 'floor-read.js'), READ_FLOOR_SCRIPT);
  await writeFile(join(dir, 'floor-read.html'), '<!doctype html><html><body><script src="/floor-read.js"></script></body></html>');
  return dir;
}

const PAGES = { popup: 'popup.html', floor: 'floor.html', scriptFloor: 'floor-script.html', readFloor: 'floor-read.html' } as const;
type Runs = Record<keyof typeof PAGES, Opening[]>;

/** Alternating openings of the popup and of the floor pages in one browser. */
async function measure(harness: ExtensionHarness): Promise<Runs> {
  const runs: Runs = { popup: [], floor: [], scriptFloor: [], readFloor: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, path] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) runs[name].push(await openPage(harness, path));
  }
  return runs;
}

const firstPost = (openings: readonly Opening[]): number => median(openings.map((o) => o.firstPost));

function report(label: string, runs: Runs): string {
  const first = firstPost(runs.popup);
  const loaded = median(runs.popup.map((o) => o.pageLoaded));
  const floor = firstPost(runs.floor);
  const scriptFloor = firstPost(runs.scriptFloor);
  const readFloor = firstPost(runs.readFloor);
  return (
    `${label}: first post ${first.toFixed(0)} ms (DOMContentLoaded at ${loaded.toFixed(0)} ms); ` +
    `a bare extension page in the same browser shows its link at ${floor.toFixed(0)} ms (${(first / floor).toFixed(2)}x), ` +
    `one that loads an empty script first at ${scriptFloor.toFixed(0)} ms (${(first / scriptFloor).toFixed(2)}x; ${(scriptFloor / floor).toFixed(2)}x the bare page), ` +
    `one whose script adds its link after one storage read at ${readFloor.toFixed(0)} ms (${(first / readFloor).toFixed(2)}x; ${(readFloor / floor).toFixed(2)}x the bare page)`
  );
}

/**
 * Runs the popup benchmark and prints its lines: the big library and a baseline of 50 posts, each in
 * its own browser, each next to the floor of a bare extension page measured in alternation with it.
 */
export default async function benchPopup(): Promise<void> {
  const buildDir = await buildWithFloorPages();
  try {
    const big = await browserWithLibrary(buildDir, 500, 100_000, 5_000);
    const bigRuns = await measure(big).finally(() => big.close());
    const small = await browserWithLibrary(buildDir, 5, 50, 20);
    const smallRuns = await measure(small).finally(() => small.close());
    console.log(`popup: ${report('100,000 posts (5,000 unread, 500 feeds)', bigRuns)}; goal < 100 ms`);
    console.log(`popup: ${report('baseline of 50 posts', smallRuns)}`);
    console.log(`popup: ratio to the baseline ${(firstPost(bigRuns.popup) / firstPost(smallRuns.popup)).toFixed(2)}x (medians of ${RUNS})`);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}
