import Dexie from 'dexie';
import type { PartwiseDatabase } from './schema';
import type { Post } from './types';

/** A popup group: one series of a subscription, or (seriesKey null/absent) its standalone posts. */
export interface PostGroup {
  subscriptionId: number;
  seriesKey?: string | null;
}

function markRead(post: Post, now: number): Post {
  return { ...post, unread: 0, readAt: now };
}

function markUnread(post: Post): Post {
  const next: Post = { ...post, unread: 1 };
  delete next.readAt;
  return next;
}

/** Marks posts read (at `now`) or unread; unknown ids and posts already in that state are skipped. Returns how many changed. */
export async function setRead(db: PartwiseDatabase, postIds: readonly number[], read: boolean, now: number): Promise<number> {
  if (postIds.length === 0) return 0;
  return db.transaction('rw', db.posts, async () => {
    const posts = await db.posts.bulkGet([...new Set(postIds)]);
    const changed = posts
      .filter((post): post is Post => post !== undefined && post.unread === (read ? 1 : 0))
      .map((post) => (read ? markRead(post, now) : markUnread(post)));
    if (changed.length > 0) await db.posts.bulkPut(changed);
    return changed.length;
  });
}

/** Marks every unread post of a group read; returns the ids it changed (for undo). */
export async function markGroupRead(db: PartwiseDatabase, group: PostGroup, now: number): Promise<number[]> {
  return db.transaction('rw', db.posts, async () => {
    const unread =
      group.seriesKey === undefined || group.seriesKey === null
        ? await db.posts
            .where('[subscriptionId+unread]')
            .equals([group.subscriptionId, 1])
            .filter((post) => post.seriesKey === undefined)
            .toArray()
        : await db.posts
            .where('[subscriptionId+seriesKey]')
            .equals([group.subscriptionId, group.seriesKey])
            .filter((post) => post.unread === 1)
            .toArray();
    if (unread.length > 0) await db.posts.bulkPut(unread.map((post) => markRead(post, now)));
    return unread.map((post) => post.id);
  });
}

/** Marks every unread post read (or those of `subscriptionIds` only); returns the ids it changed (for undo). */
export async function markAllRead(db: PartwiseDatabase, now: number, subscriptionIds?: readonly number[]): Promise<number[]> {
  return db.transaction('rw', db.posts, async () => {
    const unread = subscriptionIds
      ? await db.posts.where('[subscriptionId+unread]').anyOf(subscriptionIds.map((id) => [id, 1])).toArray()
      : await db.posts.where('[unread+sortAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
    if (unread.length > 0) await db.posts.bulkPut(unread.map((post) => markRead(post, now)));
    return unread.map((post) => post.id);
  });
}

/** Number of unread posts, counted on the index. */
export async function unreadCount(db: PartwiseDatabase): Promise<number> {
  return db.posts.where('[unread+sortAt]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).count();
}

/** Posts whose normalizedUrl is any of `keys` (for mark-on-visit); all subscriptions, any read state. */
export async function findPostsByNormalizedUrl(db: PartwiseDatabase, keys: readonly string[]): Promise<Post[]> {
  if (keys.length === 0) return [];
  return db.posts.where('normalizedUrl').anyOf([...keys]).toArray();
}
