import type { Post } from '../db';
import { inReadingOrder } from '../series/reading-order';
import { orderGroups } from './order-groups';
import { partLabel } from './part-label';
import type { ReadingGroup, ReadingPost } from './types';

/** What {@link buildReadingGroups} needs besides the page of posts. */
export interface GroupInput {
  /** Posts to show (unread, plus read ones when "show read" is on), any order. */
  posts: readonly Post[];
  /** Every post of each series that appears in `posts`, keyed by `seriesGroupKey`. */
  seriesPosts: ReadonlyMap<string, readonly Post[]>;
  seriesNames: ReadonlyMap<string, string>;
  feedTitles: ReadonlyMap<number, string>;
  showRead: boolean;
  /** Show only the posts in `posts` (search results), still in reading order with series progress. */
  onlyListed?: boolean;
}

/** The group key of a series. */
export function seriesGroupKey(subscriptionId: number, seriesKey: string): string {
  return `series:${subscriptionId}:${seriesKey}`;
}

/** The group key of a subscription's standalone posts. */
export function feedGroupKey(subscriptionId: number): string {
  return `feed:${subscriptionId}`;
}

function toReadingPost(post: Post, feedTitle: string, isNext: boolean): ReadingPost {
  return {
    id: post.id,
    title: post.title,
    url: post.url,
    sortAt: post.sortAt,
    subscriptionId: post.subscriptionId,
    feedTitle,
    seriesKey: post.seriesKey,
    part: post.part,
    partLabel: post.seriesKey === undefined ? undefined : partLabel(post.title, post.part),
    unread: post.unread === 1,
    isNext,
    ...(post.starred === 1 ? { starred: true } : {}),
  };
}

function seriesGroup(key: string, members: readonly Post[], shown: readonly Post[], input: GroupInput): ReadingGroup {
  const sample = shown[0]!;
  const feedTitle = input.feedTitles.get(sample.subscriptionId) ?? '';
  const ordered = inReadingOrder(members);
  const next = ordered.find((post) => post.unread === 1);
  const listed = new Set(shown.map((post) => post.id));
  const visible = ordered.filter((post) => (input.onlyListed ? listed.has(post.id) : post.unread === 1 || input.showRead));
  return {
    key,
    kind: 'series',
    name: input.seriesNames.get(key) ?? sample.seriesKey ?? '',
    subscriptionId: sample.subscriptionId,
    feedTitle,
    seriesKey: sample.seriesKey,
    posts: visible.map((post) => toReadingPost(post, feedTitle, post.id === next?.id)),
    progress: { read: ordered.filter((post) => post.unread === 0).length, total: ordered.length },
    newestUnreadAt: newestUnread(shown),
    lastReadAt: lastRead(ordered),
  };
}

/** When the reader last read a part of the series (undefined when none is read). */
function lastRead(posts: readonly Post[]): number | undefined {
  let latest: number | undefined;
  for (const post of posts) if (post.unread === 0 && post.readAt !== undefined && (latest === undefined || post.readAt > latest)) latest = post.readAt;
  return latest;
}

function feedGroup(key: string, shown: readonly Post[], input: GroupInput): ReadingGroup {
  const sample = shown[0]!;
  const feedTitle = input.feedTitles.get(sample.subscriptionId) ?? '';
  const ordered = [...shown].sort((a, b) => b.sortAt - a.sortAt || b.id - a.id);
  return {
    key,
    kind: 'feed',
    name: feedTitle,
    subscriptionId: sample.subscriptionId,
    feedTitle,
    posts: ordered.map((post) => toReadingPost(post, feedTitle, false)),
    newestUnreadAt: newestUnread(shown),
  };
}

function newestUnread(posts: readonly Post[]): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const post of posts) if (post.unread === 1 && post.sortAt > newest) newest = post.sortAt;
  return newest;
}

/**
 * Groups posts for the popup: each series in reading order with its progress and next part,
 * standalone posts by feed, groups in the order of {@link orderGroups} (series in progress first).
 */
export function buildReadingGroups(input: GroupInput): ReadingGroup[] {
  const buckets = new Map<string, Post[]>();
  for (const post of input.posts) {
    const key = post.seriesKey === undefined ? feedGroupKey(post.subscriptionId) : seriesGroupKey(post.subscriptionId, post.seriesKey);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(post);
    else buckets.set(key, [post]);
  }
  const groups = [...buckets].map(([key, shown]) =>
    key.startsWith('series:') ? seriesGroup(key, input.seriesPosts.get(key) ?? shown, shown, input) : feedGroup(key, shown, input),
  );
  return orderGroups(groups.filter((group) => group.posts.length > 0));
}
