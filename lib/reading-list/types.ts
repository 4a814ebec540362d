import type { Theme } from '../db/settings';
import type { DeclarationSource } from '../db/types';

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
  /** Starred to read later. */
  starred?: boolean;
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
  /** Who declared this series, when its author did (series page, article page, feed, API). */
  declaredBy?: DeclarationSource;
  /** A series: when its last read part was read; series in progress are ordered by it. */
  lastReadAt?: number;
}

/** A series offered as a target when moving a post or merging series. */
export interface SeriesChoice {
  key: string;
  name: string;
}

/** A subscription whose last refresh failed, as the popup lists it. */
export interface FailingFeed {
  id: number;
  title: string;
  message: string;
  gone: boolean;
}

/**
 * What the popup shows first, kept ready by the background after every library change, so the
 * popup paints from one storage read instead of opening the database first.
 */
export interface FirstPage {
  version: 1;
  unread: number;
  groups: ReadingGroup[];
  hasMore: boolean;
  failing: FailingFeed[];
  hasSubscriptions: boolean;
  theme: Theme;
}
