import Dexie from 'dexie';
import type { PartwiseDatabase } from './schema';
import type { PrunedPost } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes read posts whose readAt is older than `retentionDays`; unread and saved posts are never
 * touched. Each deleted post leaves a small marker so a feed still listing it does not re-add it
 * as unread; markers the feed has not listed for a retention period are dropped. Returns posts deleted.
 */
export async function pruneReadPosts(db: PartwiseDatabase, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  return db.transaction('rw', db.posts, db.prunedPosts, async () => {
    // Unread posts have no readAt, so they are not in this index at all.
    const old = await db.posts
      .where('readAt')
      .between(Dexie.minKey, cutoff, true, false)
      .filter((post) => post.unread === 0 && post.saved !== 1 && post.starred !== 1)
      .toArray();
    await db.prunedPosts.where('seenAt').below(cutoff).delete();
    if (old.length === 0) return 0;
    const markers: PrunedPost[] = old.map((post) => {
      const marker: PrunedPost = { subscriptionId: post.subscriptionId, guid: post.guid, prunedAt: now, seenAt: now };
      if (post.normalizedUrl !== undefined) marker.normalizedUrl = post.normalizedUrl;
      return marker;
    });
    await db.prunedPosts.bulkPut(markers);
    await db.posts.bulkDelete(old.map((post) => post.id));
    return old.length;
  });
}
