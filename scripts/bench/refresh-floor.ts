/**
 * The floor under the refresh benchmark's first refresh on this machine: the same fetches (6 at once)
 * and the same number of post records written with bare IndexedDB (the posts table's indexes, one
 * transaction per feed), with no parsing, no Dexie and no Partwise logic, run in the service worker.
 */
import type { Worker } from 'playwright-core';

/** What the floor does: fetch only, write only, or both as a refresh does. */
export type FloorMode = 'fetch' | 'write' | 'both';

// Sent as a string: the bundler that runs this script renames functions inside evaluated closures.
const FLOOR_SCRIPT = `async ({ urls, mode, items, lanes }) => {
  const name = 'partwise-bench-floor-' + Date.now();
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('posts', { keyPath: 'id', autoIncrement: true });
      store.createIndex('subscriptionGuid', ['subscriptionId', 'guid'], { unique: true });
      store.createIndex('normalizedUrl', 'normalizedUrl');
      store.createIndex('unreadSortAt', ['unread', 'sortAt']);
      store.createIndex('subscriptionUnread', ['subscriptionId', 'unread']);
      store.createIndex('subscriptionSeries', ['subscriptionId', 'seriesKey']);
      store.createIndex('readAt', 'readAt');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const write = (feed) => new Promise((resolve, reject) => {
    const tx = db.transaction('posts', 'readwrite');
    const store = tx.objectStore('posts');
    for (let i = 0; i < items; i += 1) {
      const url = 'https://blog' + feed + '.test/posts/' + i;
      const post = { subscriptionId: feed, guid: url, url, normalizedUrl: url.slice(8), title: 'Standalone note ' + feed + '.' + i,
        authors: [], categories: ['bench'], published: 1e12 + i, firstSeenAt: 1e12, sortAt: 1e12 + i, unread: 1 };
      if (i % 4 === 0) Object.assign(post, { seriesKey: 'building-a-feed-reader', part: i / 4 + 1 });
      store.add(post);
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let feed = next++; feed < urls.length; feed = next++) {
      if (mode !== 'write') await (await fetch(urls[feed], { cache: 'no-store' })).text();
      if (mode !== 'fetch') await write(feed + 1);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const elapsed = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(name);
  return elapsed;
}`;

/** Wall time of the bare workload in the extension's service worker, in milliseconds. */
export async function refreshFloor(worker: Worker, urls: readonly string[], options: { mode: FloorMode; items: number; lanes: number }): Promise<number> {
  return (await worker.evaluate(`(${FLOOR_SCRIPT})(${JSON.stringify({ urls, ...options })})`)) as number;
}
