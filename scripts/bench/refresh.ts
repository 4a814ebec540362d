/**
 * Refresh benchmark (issue 4): 500 subscriptions of 20 items each, served with 20 ms latency, refreshed
 * by the real extension in headless Chromium. Prints the wall time of a first refresh and of a second
 * one where every feed answers 304, next to the ideal (500 × 20 ms / 6), and the service worker's heap.
 */
import { buildRss, type RssItemSpec } from '../../test/fixtures/build-rss';
import { startFixtureServer, type FixtureServer } from '../../test/fixtures/server';
import { callBackground, readStore } from '../../test/e2e/extension-state';
import { launchExtension, type ExtensionHarness } from '../../test/e2e/harness';
import { sampleServiceWorkerHeap, serviceWorkerHeapBytes } from './extension-session';
import { refreshFloor } from './refresh-floor';

const FEEDS = 500;
const ITEMS = 20;
/** Posts per feed of the memory run (issue 16): a 500-feed OPML import of big feeds. */
const LARGE_ITEMS = 200;
const HEAP_GOAL_MB = 20;
const LATENCY_MS = 20;
const GLOBAL_LIMIT = 6;
// Feeds spread over many servers (one "host" each, as ports differ), as real subscriptions are.
const SERVERS = 100;

function items(feed: number, count = ITEMS): RssItemSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    title: i % 4 === 0 ? `Building a Feed Reader – Part ${i / 4 + 1}: Chapter ${feed}` : `Standalone note ${feed}.${i}`,
    link: `posts/${feed}-${i}.html`,
    date: new Date(Date.UTC(2026, 0, 1) + (feed * count + i) * 60_000).toISOString(),
    categories: ['bench'],
  }));
}

async function startServers(count = ITEMS): Promise<{ servers: FixtureServer[]; urls: string[] }> {
  const servers = await Promise.all(Array.from({ length: SERVERS }, () => startFixtureServer()));
  const urls: string[] = [];
  for (let feed = 0; feed < FEEDS; feed += 1) {
    const server = servers[feed % SERVERS]!;
    const path = `/feed-${feed}.xml`;
    server.route(path, {
      body: buildRss({ title: `Bench blog ${feed}`, site: `${server.origin}/`, items: items(feed, count) }),
      headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: `"feed-${feed}-v1"` },
      delayMs: LATENCY_MS,
    });
    urls.push(server.url(path));
  }
  return { servers, urls };
}

/** Makes every feed due, fires the refresh alarm, and returns the wall time until every feed was checked. */
async function refreshByAlarm(harness: ExtensionHarness): Promise<number> {
  const worker = await harness.serviceWorker();
  const logs: string[] = []; worker.on('console', (m) => logs.push(m.text()));
  const started = Date.now();
  await worker.evaluate(`(async () => {
    const db = await new Promise((resolve) => { const open = indexedDB.open('partwise'); open.onsuccess = () => resolve(open.result); });
    await new Promise((resolve) => {
      const tx = db.transaction('subscriptions', 'readwrite'); const store = tx.objectStore('subscriptions');
      store.getAll().onsuccess = (event) => { for (const row of event.target.result) { row.nextCheckAt = 0; store.put(row); } };
      tx.oncomplete = resolve;
    });
    db.close();
    await chrome.alarms.create('partwise-refresh', { when: Date.now() });
  })()`);
  // Done when no subscription is still due: a feed's check and its library write commit together, so
  // this waits for the last write, not just the last fetch. Counting an index is cheap enough to poll often.
  for (;;) {
    const pending = await worker.evaluate(`(async () => {
      const db = await new Promise((resolve) => { const open = indexedDB.open('partwise'); open.onsuccess = () => resolve(open.result); });
      const count = await new Promise((resolve) => {
        const request = db.transaction('subscriptions').objectStore('subscriptions').index('nextCheckAt').count(IDBKeyRange.upperBound(${started}));
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return count;
    })()`);
    if (pending === 0) { console.log(logs.join('\n')); return Date.now() - started; }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const MB = 1048576;

/**
 * The memory run: 500 feeds × 200 posts imported from OPML, then the first refresh (woken by the alarm,
 * no page open). Prints the idle worker's heap as the baseline, the peak while refreshing, and the heap
 * after the refresh once garbage is collected.
 */
export async function benchLargeRefreshHeap(): Promise<void> {
  const { servers, urls } = await startServers(LARGE_ITEMS);
  const harness = await launchExtension();
  try {
    const page = await harness.openOptions();
    const opml = `<opml version="2.0"><body>${urls.map((url, i) => `<outline type="rss" text="Bench ${i}" xmlUrl="${url}"/>`).join('')}</body></opml>`;
    await callBackground(page, 'importOpml', { text: opml });
    const before = await serviceWorkerHeapBytes(page);
    const sampler = await sampleServiceWorkerHeap(page);
    await page.goto('about:blank');
    const ms = await refreshByAlarm(harness);
    const peak = await sampler.stop();
    const after = await serviceWorkerHeapBytes(await harness.openOptions());
    const posts = (await readStore(await harness.serviceWorker(), 'posts')).length;
    console.log(`refresh: memory, ${FEEDS} feeds × ${LARGE_ITEMS} posts: first refresh ${ms.toFixed(0)} ms, ${posts} posts stored`);
    console.log(
      `refresh: service worker JS heap idle ${(before / MB).toFixed(1)} MB; after the first refresh ${(after / MB).toFixed(1)} MB; ` +
        `live peak while refreshing ${(peak / MB).toFixed(1)} MB (goal ≤ ${HEAP_GOAL_MB} MB for both: ${Math.max(after, peak) / MB <= HEAP_GOAL_MB ? 'met' : 'NOT met'})`,
    );
  } finally {
    await harness.close().catch((error: unknown) => console.error('refresh: closing the browser failed:', error));
    await Promise.all(servers.map((server) => server.close()));
  }
}

/** Runs the refresh benchmark and prints its lines. */
export default async function benchRefresh(): Promise<void> {
  const { servers, urls } = await startServers();
  const harness = await launchExtension();
  try {
    const page = await harness.openOptions();
    const opml = `<opml version="2.0"><body>${urls.map((url, i) => `<outline type="rss" text="Bench ${i}" xmlUrl="${url}"/>`).join('')}</body></opml>`;
    await callBackground(page, 'importOpml', { text: opml });

    // Measured the way refreshes really run: woken by the alarm, with no extension page open.
    await page.goto('about:blank');
    const ideal = (FEEDS * LATENCY_MS) / GLOBAL_LIMIT;
    const first = await refreshByAlarm(harness);
    const posts = (await readStore(await harness.serviceWorker(), 'posts')).length;
    const second = await refreshByAlarm(harness);
    const subscriptions = await readStore<{ lastResult?: string }>(await harness.serviceWorker(), 'subscriptions');
    const notModified = subscriptions.filter((s) => s.lastResult === 'not-modified').length;
    const heap = await serviceWorkerHeapBytes(await harness.openOptions());
    // The machine's floor, in the same worker: bare fetches and bare record writes, no Partwise code.
    const worker = await harness.serviceWorker();
    const floor = { items: ITEMS, lanes: GLOBAL_LIMIT };
    const fetchOnly = await refreshFloor(worker, urls, { ...floor, mode: 'fetch' });
    const writeOnly = await refreshFloor(worker, urls, { ...floor, mode: 'write' });
    const both = await refreshFloor(worker, urls, { ...floor, mode: 'both' });

    console.log(`refresh: ${FEEDS} feeds × ${ITEMS} items, ${LATENCY_MS} ms latency, ideal ${ideal.toFixed(0)} ms (${FEEDS} × ${LATENCY_MS} ms / ${GLOBAL_LIMIT})`);
    console.log(`refresh: first refresh  ${first.toFixed(0)} ms  = ${(first / ideal).toFixed(2)}x ideal (goal ≤ 2x); ${posts} posts stored`);
    console.log(`refresh: second refresh ${second.toFixed(0)} ms  = ${(second / ideal).toFixed(2)}x ideal (goal ≤ 2x); ${notModified}/${FEEDS} answered 304 and were not parsed`);
    console.log(`refresh: service worker JS heap after both: ${(heap / 1048576).toFixed(1)} MB`);
    const ratio = (ms: number): string => `${ms.toFixed(0)} ms = ${(ms / ideal).toFixed(2)}x ideal`;
    console.log(`refresh: floor of this machine, bare code in the same worker: fetches alone ${ratio(fetchOnly)}; ${FEEDS * ITEMS} record writes alone ${ratio(writeOnly)}; both ${ratio(both)}`);
    console.log(`refresh: first refresh / floor ${(first / both).toFixed(2)}x`);
  } finally {
    await harness.close().catch((error: unknown) => console.error('refresh: closing the browser failed:', error));
    await Promise.all(servers.map((server) => server.close()));
  }
  await benchLargeRefreshHeap();
}
