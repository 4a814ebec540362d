/** A post as the popup shows it. */
export interface ReadingPost {
  id: number;
  title: string;
  url?: string;
  sortAt: number;
  subscriptionId: number;
  feedTitle: string;
  seriesKey?: string;
  part?: number;
  /** "Part 3" or "#3", as the author numbers it. */
  partLabel?: string;
  unread: boolean;
  /** The first unread part of its series in reading order. */
  isNext: boolean;
}

/** One popup group: a series of a subscription, or a subscription's standalone posts. */
export interface ReadingGroup {
  /** Stable key: `series:<subscriptionId>:<seriesKey>` or `feed:<subscriptionId>`. */
  key: string;
  kind: 'series' | 'feed';
  name: string;
  subscriptionId: number;
  feedTitle: string;
  seriesKey?: string;
  posts: ReadingPost[];
  /** Read progress through a series ("3 of 6 read"). */
  progress?: { read: number; total: number };
  /** Newest unread post's time; groups are ordered by it. */
  newestUnreadAt: number;
}
