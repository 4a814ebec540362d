import Dexie from 'dexie';
import { postsOfSeries, searchPosts, starredPosts, subscriptionTitle, unreadPage, type PartwiseDatabase, type Post } from '../db';
import { t } from '../i18n/t';
import { buildReadingGroups, seriesGroupKey } from './build-groups';
import { withSeriesOrigins } from './series-origins';
import { seriesInProgressPosts } from './series-in-progress';
import type { ReadingGroup, SeriesChoice } from './types';

/** Subscription id of saved pages (no real subscription has id 0). */
export const SAVED_PAGES_SUBSCRIPTION = 0;

/** What the popup asks for. */
export interface ReadingListQuery {
  /** How many posts to load: the popup pages through the list instead of loading it all. */
  limit: number;
  query: string;
  showRead: boolean;
  /** Everything (the default), some feeds only (a feed or a folder), or the starred posts. */
  view?: ReadingView;
}

/** Which posts the popup lists. */
export type ReadingView = { kind: 'all' } | { kind: 'feeds'; subscriptionIds: number[] } | { kind: 'starred' };

/** Posts of some subscriptions, newest first: the unread ones (and the read ones too with `showRead`). */
async function feedsPosts(db: PartwiseDatabase, subscriptionIds: readonly number[], showRead: boolean, take: number): Promise<Post[]> {
  const states = showRead ? [1, 0] : [1];
  const keys = subscriptionIds.flatMap((id) => states.map((unread) => [id, unread]));
  const posts = keys.length === 0 ? [] : await db.posts.where('[subscriptionId+unread]').anyOf(keys).toArray();
  return posts.sort((a, b) => b.unread - a.unread || b.sortAt - a.sortAt || b.id - a.id).slice(0, take);
}

/** What the popup shows. */
export interface ReadingList {
  groups: ReadingGroup[];
  /** More posts exist beyond `limit`. */
  hasMore: boolean;
}

async function recentRead(db: PartwiseDatabase, limit: number): Promise<Post[]> {
  return db.posts.where('[unread+sortAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse().limit(limit).toArray();
}

async function pagePosts(db: PartwiseDatabase, request: ReadingListQuery): Promise<Post[]> {
  // One extra post tells whether there is more without counting everything.
  const take = request.limit + 1;
  const view = request.view ?? { kind: 'all' };
  if (view.kind === 'starred') return starredPosts(db, take);
  if (view.kind === 'feeds') {
    if (!request.query.trim()) return feedsPosts(db, view.subscriptionIds, request.showRead, take);
    const ids = new Set(view.subscriptionIds);
    return (await searchPosts(db, request.query, { includeRead: request.showRead, limit: take * 20 })).filter((post) => ids.has(post.subscriptionId)).slice(0, take);
  }
  if (request.query.trim()) return searchPosts(db, request.query, { includeRead: request.showRead, limit: take });
  const unread = await unreadPage(db, { limit: take });
  if (!request.showRead) return unread;
  const read = await recentRead(db, take);
  return [...unread, ...read].sort((a, b) => b.sortAt - a.sortAt || b.id - a.id).slice(0, take);
}

/** The page's posts plus `extra` ones not on it (the unread parts of series in progress). */
function withPosts(page: Post[], extra: readonly Post[]): Post[] {
  if (extra.length === 0) return page;
  const ids = new Set(page.map((post) => post.id));
  return [...page, ...extra.filter((post) => !ids.has(post.id))];
}

/** The series the page's posts belong to, keyed by group. */
function seriesOnPage(posts: readonly Post[]): Map<string, { subscriptionId: number; seriesKey: string }> {
  const series = new Map<string, { subscriptionId: number; seriesKey: string }>();
  for (const post of posts) {
    if (post.seriesKey !== undefined) series.set(seriesGroupKey(post.subscriptionId, post.seriesKey), { subscriptionId: post.subscriptionId, seriesKey: post.seriesKey });
  }
  return series;
}

type PageSeries = ReturnType<typeof seriesOnPage>;

/** Display names of the series on the page, keyed by group: one lookup per series, not every series of every feed. */
async function loadSeriesNames(db: PartwiseDatabase, series: PageSeries): Promise<Map<string, string>> {
  if (series.size === 0) return new Map();
  const rows = await db.series.where('[subscriptionId+key]').anyOf([...series.values()].map((s) => [s.subscriptionId, s.seriesKey])).toArray();
  return new Map(rows.map((row) => [seriesGroupKey(row.subscriptionId, row.key), row.name]));
}

/** Every post of each series on the page, keyed by group; the series are read in parallel, not one round trip each. */
async function loadSeriesPosts(db: PartwiseDatabase, series: PageSeries): Promise<Map<string, Post[]>> {
  const entries = await Promise.all(
    [...series].map(async ([key, s]) => [key, await postsOfSeries(db, s.subscriptionId, s.seriesKey)] as const),
  );
  return new Map(entries);
}

/** Loads one page of the reading list, grouped by series and feed; cost grows with `limit`, not the library. */
export async function loadReadingList(db: PartwiseDatabase, request: ReadingListQuery): Promise<ReadingList> {
  return db.transaction('r', [db.posts, db.series, db.subscriptions], async () => {
    const searching = request.query.trim() !== '';
    const view = request.view?.kind ?? 'all';
    // The starred list shows exactly the starred posts, read or not.
    const listed = searching || view === 'starred';
    const [loaded, inProgress] = await Promise.all([pagePosts(db, request), listed || view !== 'all' ? [] : seriesInProgressPosts(db)]);
    const posts = withPosts(loaded.slice(0, request.limit), inProgress);
    const subscriptionIds = [...new Set(posts.map((post) => post.subscriptionId))];
    const series = seriesOnPage(posts);
    const [subscriptions, seriesNames, seriesPosts] = await Promise.all([
      db.subscriptions.bulkGet(subscriptionIds),
      loadSeriesNames(db, series),
      loadSeriesPosts(db, series),
    ]);
    const feedTitles = new Map<number, string>([[SAVED_PAGES_SUBSCRIPTION, t('savedPagesTitle')]]);
    for (const subscription of subscriptions) if (subscription) feedTitles.set(subscription.id, subscriptionTitle(subscription));
    const groups = buildReadingGroups({ posts, seriesPosts, seriesNames, feedTitles, showRead: request.showRead || view === 'starred', onlyListed: listed });
    return { groups: withSeriesOrigins(groups, subscriptions), hasMore: loaded.length > request.limit };
  });
}

/**
 * The series a post can be moved into or merged with, per subscription shown: the series on the page
 * and any the user has edited. Loaded apart from the list so the first posts never wait for it.
 */
export async function loadSeriesChoices(db: PartwiseDatabase, groups: readonly ReadingGroup[]): Promise<Map<number, SeriesChoice[]>> {
  const subscriptionIds = [...new Set(groups.map((group) => group.subscriptionId))];
  const shown = new Set(groups.flatMap((group) => (group.seriesKey === undefined ? [] : [seriesGroupKey(group.subscriptionId, group.seriesKey)])));
  const rows = await db.series.where('subscriptionId').anyOf(subscriptionIds).toArray();
  const choices = new Map<number, SeriesChoice[]>();
  for (const row of rows) {
    if (!shown.has(seriesGroupKey(row.subscriptionId, row.key)) && row.overrides.length === 0) continue;
    const list = choices.get(row.subscriptionId) ?? [];
    list.push({ key: row.key, name: row.name });
    choices.set(row.subscriptionId, list);
  }
  return choices;
}
