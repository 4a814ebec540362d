/** What reading order looks at in a post. */
export interface ReadingOrderPost {
  id: number;
  /** The part number within its series; posts without one read after the numbered parts. */
  part?: number;
  /** Publication time (or first seen), epoch ms. */
  sortAt: number;
}

/** One criterion of reading order: a number, smaller reads first. */
type OrderKey<T> = (post: T) => number;

/**
 * The criteria of reading order, most significant first: part (unnumbered last), then date, then id so
 * the order is total. A new criterion (an author-declared position, say) is one more key here.
 */
const READING_ORDER_KEYS: readonly OrderKey<ReadingOrderPost>[] = [
  (post) => post.part ?? Number.POSITIVE_INFINITY,
  (post) => post.sortAt,
  (post) => post.id,
];

/** The one definition of reading order inside a series, as a comparator for `Array.prototype.sort`. */
export function compareReadingOrder(a: ReadingOrderPost, b: ReadingOrderPost): number {
  for (const key of READING_ORDER_KEYS) {
    const difference = key(a) - key(b);
    // Infinity − Infinity is NaN: two unnumbered posts tie on part.
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return 0;
}

/** Posts in reading order, as a new array (the input is left as it was). */
export function inReadingOrder<T extends ReadingOrderPost>(posts: readonly T[]): T[] {
  return [...posts].sort(compareReadingOrder);
}
