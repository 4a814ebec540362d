import type { PartwiseDatabase, Post } from '../db';

/** Recently read posts looked at to find the series in progress: a bound, so the cost never grows with the library. */
export const RECENT_READS = 60;
/** At most this many series in progress are brought onto the first page. */
export const SERIES_IN_PROGRESS = 8;

/**
 * The unread parts of the series the reader read most recently, whatever their age: the popup shows
 * the series in progress first, and their next parts may be older than the newest unread page.
 */
export async function seriesInProgressPosts(db: PartwiseDatabase): Promise<Post[]> {
  const recent = await db.posts.orderBy('readAt').reverse().limit(RECENT_READS).toArray();
  const series = new Map<string, [number, string]>();
  for (const post of recent) {
    if (post.seriesKey === undefined) continue;
    series.set(`${post.subscriptionId}\u0000${post.seriesKey}`, [post.subscriptionId, post.seriesKey]);
    if (series.size >= SERIES_IN_PROGRESS) break;
  }
  if (series.size === 0) return [];
  return db.posts
    .where('[subscriptionId+seriesKey]')
    .anyOf([...series.values()])
    .filter((post) => post.unread === 1)
    .toArray();
}
