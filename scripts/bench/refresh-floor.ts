/**
 * The floor under the refresh benchmark's first refresh on this machine: the same fetches (6 at once)
 * and the same number of post records written with bare IndexedDB (the posts table's indexes), with no
 * parsing, no Dexie and no Partwise logic, run in the service worker.
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
  // Writes go out as a refresh's do: never holding a fetch slot, and the feeds that finish while a
  // transaction commits share the next one.
  const post = (feed, i) => {
    const url = 'https://blog' + feed + '.test/posts/' + i;
    const row = { subscriptionId: feed, guid: url, url, normalizedUrl: url.slice(8), title: 'Standalone note ' + feed + '.' + i,
      authors: [], categories: ['bench'], published: 1e12 + i, firstSeenAt: 1e12, sortAt: 1e12 + i, unread: 1 };
    return i % 4 === 0 ? Object.assign(row, { seriesKey: 'building-a-feed-reader', part: i / 4 + 1 }) : row;
  };
  const commit = (feeds) => new Promise((resolve, reject) => {
    const tx = db.transaction('posts', 'readwrite');
    const store = tx.objectStore('posts');
    for (const feed of feeds) for (let i = 0; i < items; i += 1) store.add(post(feed, i));
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const queued = [];
  let writer;
  const write = (feed) => {
    queued.push(feed);
    writer ??= (async () => {
      while (queued.length > 0) await commit(queued.splice(0));
      writer = undefined;
    })();
  };
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let feed = next++; feed < urls.length; feed = next++) {
      if (mode !== 'write') await (await fetch(urls[feed], { cache: 'no-store' })).text();
      if (mode !== 'fetch') write(feed + 1);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  while (writer) await writer;
  const elapsed = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(name);
  return elapsed;
}`;

/** Wall time of the bare workload in the extension's service worker, in milliseconds. */
export async function refreshFloor(worker: Worker, urls: readonly string[], options: { mode: FloorMode; items: number; lanes: number }): Promise<number> {
  return (await worker.evaluate(`(${FLOOR_SCRIPT})(${JSON.stringify({ urls, ...options })})`)) as number;
}
