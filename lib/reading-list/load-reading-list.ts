import Dexie from 'dexie';
import { postsOfSeries, searchPosts, subscriptionTitle, unreadCount, unreadPage, type PartwiseDatabase, type Post } from '../db';
import { buildReadingGroups, seriesGroupKey } from './build-groups';
import type { ReadingGroup } from './types';

/** Title of the pseudo-feed that holds pages saved with "Save this page". */
export const SAVED_PAGES_TITLE = 'Saved pages';
/** Subscription id of saved pages (no real subscription has id 0). */
export const SAVED_PAGES_SUBSCRIPTION = 0;

/** What the popup asks for. */
export interface ReadingListQuery {
  /** How many posts to load: the popup pages through the list instead of loading it all. */
  limit: number;
  query: string;
  showRead: boolean;
}

/** What the popup shows. */
export interface ReadingList {
  groups: ReadingGroup[];
  unread: number;
  /** More posts exist beyond `limit`. */
  hasMore: boolean;
  /** Series per subscription, for merge and move choices. */
  seriesBySubscription: Map<number, { key: string; name: string }[]>;
}

async function recentRead(db: PartwiseDatabase, limit: number): Promise<Post[]> {
  return db.posts.where('[unread+sortAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse().limit(limit).toArray();
}

async function pagePosts(db: PartwiseDatabase, request: ReadingListQuery): Promise<Post[]> {
  // One extra post tells whether there is more without counting everything.
  const take = request.limit + 1;
  if (request.query.trim()) return searchPosts(db, request.query, { includeRead: request.showRead, limit: take });
  const unread = await unreadPage(db, { limit: take });
  if (!request.showRead) return unread;
  const read = await recentRead(db, take);
  return [...unread, ...read].sort((a, b) => b.sortAt - a.sortAt || b.id - a.id).slice(0, take);
}

/** Loads one page of the reading list, grouped by series and feed; cost grows with `limit`, not the library. */
export async function loadReadingList(db: PartwiseDatabase, request: ReadingListQuery): Promise<ReadingList> {
  return db.transaction('r', [db.posts, db.series, db.subscriptions], async () => {
    const loaded = await pagePosts(db, request);
    const posts = loaded.slice(0, request.limit);
    const subscriptionIds = [...new Set(posts.map((post) => post.subscriptionId))];
    const [subscriptions, seriesRows, unread] = await Promise.all([
      db.subscriptions.bulkGet(subscriptionIds),
      db.series.where('subscriptionId').anyOf(subscriptionIds).toArray(),
      unreadCount(db),
    ]);
    const feedTitles = new Map<number, string>([[SAVED_PAGES_SUBSCRIPTION, SAVED_PAGES_TITLE]]);
    for (const subscription of subscriptions) if (subscription) feedTitles.set(subscription.id, subscriptionTitle(subscription));
    const seriesNames = new Map(seriesRows.map((row) => [seriesGroupKey(row.subscriptionId, row.key), row.name]));
    const seriesPosts = new Map<string, Post[]>();
    for (const post of posts) {
      if (post.seriesKey === undefined) continue;
      const key = seriesGroupKey(post.subscriptionId, post.seriesKey);
      if (!seriesPosts.has(key)) seriesPosts.set(key, await postsOfSeries(db, post.subscriptionId, post.seriesKey));
    }
    const seriesBySubscription = new Map<number, { key: string; name: string }[]>();
    for (const row of seriesRows) {
      if (!seriesPosts.has(seriesGroupKey(row.subscriptionId, row.key)) && row.overrides.length === 0) continue;
      const list = seriesBySubscription.get(row.subscriptionId) ?? [];
      list.push({ key: row.key, name: row.name });
      seriesBySubscription.set(row.subscriptionId, list);
    }
    const groups = buildReadingGroups({ posts, seriesPosts, seriesNames, feedTitles, showRead: request.showRead, onlyListed: request.query.trim() !== '' });
    return { groups, unread, hasMore: loaded.length > request.limit, seriesBySubscription };
  });
}
