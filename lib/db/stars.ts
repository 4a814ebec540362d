import Dexie from 'dexie';
import type { PartwiseDatabase } from './schema';
import type { Post } from './types';

/** Stars a post to read later, or takes the star away. Unknown ids are ignored. */
export async function setStarred(db: PartwiseDatabase, postId: number, starred: boolean): Promise<void> {
  await db.transaction('rw', db.posts, async () => {
    const post = await db.posts.get(postId);
    if (!post || (post.starred === 1) === starred) return;
    const next: Post = { ...post };
    if (starred) next.starred = 1;
    else delete next.starred;
    await db.posts.put(next);
  });
}

/**
 * Starred posts, newest first (the newer id first among equals), at most `limit`: a range of the
 * [starred+sortAt] index, which holds only starred posts, so it reads no other post.
 */
export async function starredPosts(db: PartwiseDatabase, limit: number): Promise<Post[]> {
  return db.posts.where('[starred+sortAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).reverse().limit(limit).toArray();
}
