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
 * Starred posts, newest first, at most `limit`. The field has no index (a schema version for it is
 * left for when the versions of parallel work are merged), so this walks the posts: it runs only when
 * the reader opens the starred list, never for the first paint.
 */
export async function starredPosts(db: PartwiseDatabase, limit: number): Promise<Post[]> {
  const posts = await db.posts.filter((post) => post.starred === 1).toArray();
  return posts.sort((a, b) => b.sortAt - a.sortAt || b.id - a.id).slice(0, limit);
}
