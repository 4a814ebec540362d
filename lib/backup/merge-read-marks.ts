/** The fields of a read mark that merging looks at. */
export interface ReadMarkLike {
  postId: string;
  url?: string;
  title?: string;
  /** ISO 8601 date-time. */
  readAt: string;
}

/**
 * Union of two sets of read marks, one per post: when both have a post the earlier
 * `readAt` wins (ties keep `existing`); a missing `url` or `title` is filled from the other.
 */
export function mergeReadMarks<T extends ReadMarkLike>(existing: readonly T[], incoming: readonly T[]): T[] {
  const byPost = new Map<string, T>();
  for (const mark of [...existing, ...incoming]) {
    const kept = byPost.get(mark.postId);
    byPost.set(mark.postId, kept === undefined ? mark : earlierOf(kept, mark));
  }
  return [...byPost.values()];
}

function earlierOf<T extends ReadMarkLike>(kept: T, other: T): T {
  const winner = readTime(other.readAt) < readTime(kept.readAt) ? other : kept;
  const loser = winner === kept ? other : kept;
  const fillUrl = winner.url === undefined && loser.url !== undefined;
  const fillTitle = winner.title === undefined && loser.title !== undefined;
  if (!fillUrl && !fillTitle) return winner;
  return { ...winner, ...(fillUrl ? { url: loser.url } : {}), ...(fillTitle ? { title: loser.title } : {}) };
}

function readTime(iso: string): number {
  const time = Date.parse(iso);
  // An unreadable date must never beat a real one.
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}
