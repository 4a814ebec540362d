import type { Worker } from 'playwright-core';

/** Reads every row of one object store of the extension's IndexedDB, from inside the service worker. */
export async function readStore<T = Record<string, unknown>>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(storeRows, store) as Promise<T[]>;
}

/** Every row of one object store of the extension's IndexedDB, run inside any extension context (self-contained: browsers serialize it). */
export function storeRows(name: string): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    const open = indexedDB.open('partwise');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const request = db.transaction(name, 'readonly').objectStore(name).getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result as unknown[]);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** The toolbar badge text. */
export function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Titles of the notifications Partwise is showing, by id. */
export function notifications(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => chrome.notifications.getAll());
}


/**
 * Sends one message of the typed protocol from an extension page, the way @webext-core/messaging
 * frames it, and returns the reply (throwing the background's error).
 */
export async function callBackground<T = unknown>(page: import('playwright-core').Page, type: string, data?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ({ type, data }) =>
      chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }) as Promise<{ res?: unknown; err?: { message?: string } }>,
    { type, data },
  );
  if (reply?.err) throw new Error(reply.err.message ?? 'background error');
  return reply?.res as T;
}

/** Unsubscribes from everything (deleting posts), so each browser test starts from an empty library. */
export async function unsubscribeAll(worker: Worker, page: import('playwright-core').Page): Promise<void> {
  for (const subscription of await readStore<{ id: number }>(worker, 'subscriptions')) {
    await callBackground(page, 'unsubscribe', { subscriptionId: subscription.id, keepPosts: false });
  }
}

/** Content-Type of the RSS feeds the browser tests serve. */
export const RSS_HEADERS = { 'Content-Type': 'application/rss+xml; charset=utf-8' };

// The sync switch's storage key (lib/sync/sync-store.ts SYNC_KEYS.enabled); code sent to the worker cannot import it.
const SYNC_ENABLED_KEY = 'partwise:sync:enabled';

/** Forgets the fixture server's routes and empties the library: the start of every browser test. */
export async function resetSession(harness: import('./harness').ExtensionHarness, options: import('playwright-core').Page): Promise<void> {
  harness.server.reset();
  const worker = await harness.serviceWorker();
  const saved = await worker.evaluate((key) => chrome.storage.local.get(key), SYNC_ENABLED_KEY);
  // Sync off first: a send still under way could write the last test's read marks back after the clear
  // below. syncNow waits behind it (sync takes one lock) and, with sync off, does nothing itself.
  await callBackground(options, 'setSyncEnabled', { enabled: false });
  await callBackground(options, 'syncNow');
  await unsubscribeAll(worker, options);
  await resetSyncState(worker);
  // Back to what the suite chose (on, unless it turned sync off), without the seeding a switch-on does.
  await worker.evaluate(
    ({ key, stored }) => (key in stored ? chrome.storage.local.set(stored) : chrome.storage.local.remove(key)),
    { key: SYNC_ENABLED_KEY, stored: saved },
  );
}

/**
 * Forgets what sync holds (this profile's storage.sync copy and its unsent changes), so read marks of
 * one test do not reach the posts of the next when it subscribes to the same feed again.
 */
export async function resetSyncState(worker: Worker): Promise<void> {
  await worker.evaluate(clearSyncState);
}

/** The same, run inside any extension context (self-contained: browsers serialize it). */
export async function clearSyncState(): Promise<void> {
  const keep = new Set(['partwise:sync:enabled', 'partwise:sync:seeded']);
  const local = Object.keys(await chrome.storage.local.get(null));
  await chrome.storage.local.remove(local.filter((key) => key.startsWith('partwise:sync:') && !keep.has(key)));
  await chrome.storage.sync.clear();
}
