import Dexie from 'dexie';
import { inReadingOrder } from '../series/reading-order';
import type { PartwiseDatabase } from './schema';
import type { Post } from './types';

/** Position after which the next page starts: the last post of the previous page. */
export interface PageCursor {
  sortAt: number;
  id: number;
}

/** Options for unreadPage. */
export interface UnreadPageOptions {
  limit: number;
  /** Return posts strictly after this one in newest-first order; omit for the first page. */
  before?: PageCursor;
}

/** Options for searchPosts. */
export interface SearchOptions {
  includeRead: boolean;
  limit: number;
}

/** Read progress through one series. */
export interface SeriesProgress {
  total: number;
  read: number;
}

/** Post counts of one subscription. */
export interface SubscriptionCounts {
  unread: number;
  total: number;
}

/**
 * One page of unread posts, newest first (sortAt desc, then id desc), read straight off the
 * [unread+sortAt] index. Pass the last post of a page as `before` to get the next one.
 */
export async function unreadPage(db: PartwiseDatabase, options: UnreadPageOptions): Promise<Post[]> {
  if (options.limit <= 0) return [];
  const { before } = options;
  const upper = before ? before.sortAt : Dexie.maxKey;
  let collection = db.posts.where('[unread+sortAt]').between([1, Dexie.minKey], [1, upper], true, true).reverse();
  // IndexedDB walks equal index keys in descending primary key order when reversed, so ties with
  // the cursor's sortAt only need the ids at or above the cursor skipped.
  if (before) collection = collection.filter((post) => post.sortAt < before.sortAt || post.id < before.id);
  return collection.limit(options.limit).toArray();
}

/** How many posts a series has and how many of them are read. */
export async function seriesProgress(
  db: PartwiseDatabase,
  subscriptionId: number,
  seriesKey: string,
): Promise<SeriesProgress> {
  // A series is a handful of posts: reading them is cheaper than keeping an index of unread ones per series.
  const posts = await db.posts.where('[subscriptionId+seriesKey]').equals([subscriptionId, seriesKey]).toArray();
  return { total: posts.length, read: posts.filter((post) => post.unread === 0).length };
}

/** A series' posts in reading order (lib/series/reading-order.ts). */
export async function postsOfSeries(db: PartwiseDatabase, subscriptionId: number, seriesKey: string): Promise<Post[]> {
  const posts = await db.posts.where('[subscriptionId+seriesKey]').equals([subscriptionId, seriesKey]).toArray();
  return inReadingOrder(posts);
}

/**
 * Posts whose title contains `query` (case-insensitive), at most `limit`. Unread posts come
 * first, each state newest first. Scans the index but stops as soon as `limit` matches are found.
 */
export async function searchPosts(db: PartwiseDatabase, query: string, options: SearchOptions): Promise<Post[]> {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '' || options.limit <= 0) return [];
  const matches = (post: Post): boolean => post.title.toLocaleLowerCase().includes(needle);
  const scan = (unread: 0 | 1, limit: number): Promise<Post[]> =>
    db.posts
      .where('[unread+sortAt]')
      .between([unread, Dexie.minKey], [unread, Dexie.maxKey], true, true)
      .reverse()
      .filter(matches)
      .limit(limit)
      .toArray();
  return db.transaction('r', db.posts, async () => {
    const found = await scan(1, options.limit);
    if (options.includeRead && found.length < options.limit) found.push(...(await scan(0, options.limit - found.length)));
    return found;
  });
}

/**
 * Unread and total post counts per subscription id (archived ones included), from one key-only
 * scan of the [subscriptionId+unread] index: one request however many subscriptions there are.
 */
export async function countsBySubscription(db: PartwiseDatabase): Promise<Map<number, SubscriptionCounts>> {
  return db.transaction('r', db.subscriptions, db.posts, async () => {
    const ids = await db.subscriptions.toCollection().primaryKeys();
    const counts = new Map<number, SubscriptionCounts>(ids.map((id) => [id, { unread: 0, total: 0 }]));
    const keys = (await db.posts.orderBy('[subscriptionId+unread]').keys()) as unknown as [number, 0 | 1][];
    for (const [subscriptionId, unread] of keys) {
      const entry = counts.get(subscriptionId);
      if (!entry) continue;
      entry.total += 1;
      entry.unread += unread;
    }
    return counts;
  });
}
