import Dexie from 'dexie';
import type { PartwiseDatabase, Post } from '../db';
import { markHash } from './mark-hash';
import { fromStamp, toStamp, type SyncDoc } from './sync-doc';

/** Map of subscription id to feed URL, for posts without a web address. */
export async function feedUrls(db: PartwiseDatabase): Promise<Map<number, string>> {
  return new Map((await db.subscriptions.toArray()).map((s) => [s.id, s.feedUrl]));
}

/** Hashes of every post in this library, for choosing which synced marks to drop first. */
export async function libraryHashes(db: PartwiseDatabase): Promise<Set<string>> {
  const feeds = await feedUrls(db);
  const hashes = new Set<string>();
  await db.posts.each((post) => hashes.add(markHash(post, feeds.get(post.subscriptionId))));
  return hashes;
}

function postsWithState(db: PartwiseDatabase, unread: 0 | 1): Promise<Post[]> {
  return db.posts.where('[unread+sortAt]').between([unread, Dexie.minKey], [unread, Dexie.maxKey], true, true).toArray();
}

/**
 * Applies synced read marks to the library: an unread post with a read mark becomes read (at the mark's
 * time); a read post with a newer "unread again" mark becomes unread. Idempotent; returns the ids changed.
 */
export async function applyReadMarks(db: PartwiseDatabase, marks: SyncDoc['marks']): Promise<number[]> {
  const unreadMarks = Object.values(marks).some((mark) => !mark.read);
  return db.transaction('rw', db.posts, db.subscriptions, async () => {
    const feeds = await feedUrls(db);
    const hash = (post: Post) => markHash(post, feeds.get(post.subscriptionId));
    const changed: Post[] = [];
    for (const post of await postsWithState(db, 1)) {
      const mark = marks[hash(post)];
      if (mark?.read) changed.push({ ...post, unread: 0, readAt: fromStamp(mark.stamp) });
    }
    if (unreadMarks) {
      for (const post of await postsWithState(db, 0)) {
        const mark = marks[hash(post)];
        if (!mark || mark.read || toStamp(post.readAt ?? 0) > mark.stamp) continue;
        const next: Post = { ...post, unread: 1 };
        delete next.readAt;
        changed.push(next);
      }
    }
    if (changed.length > 0) await db.posts.bulkPut(changed);
    return changed.map((post) => post.id);
  });
}
