/** Health of a subscription as seen by the last refresh: `gone` (HTTP 410 or similar) is never refreshed again. */
export type SubscriptionStatus = 'new' | 'ok' | 'error' | 'gone';

/** A followed feed, its HTTP validators and its refresh schedule. */
export interface Subscription {
  id: number;
  /** Unique; the caller normalizes it before storing and looking up. */
  feedUrl: string;
  siteUrl?: string;
  /** Where the feed redirected to last time, when the browser hid whether for good; not indexed. */
  pendingRedirect?: string;
  /** Origins (`https://host`) the feed's posts live on, for the visit content script; not indexed. */
  postOrigins?: string[];
  /** Title from the feed. */
  title: string;
  /** The user's own title; shown instead of `title` when set. */
  customTitle?: string;
  tags: string[];
  etag?: string;
  lastModified?: string;
  /** Hash of the last body, to skip parsing byte-identical responses. */
  bodyHash?: string;
  /** The user's interval; undefined means the `defaultRefreshMinutes` setting. */
  refreshMinutes?: number;
  /** Lower bound from Cache-Control/Expires/ttl, already clamped by the caller. */
  serverMinMinutes?: number;
  nextCheckAt: number;
  lastCheckAt?: number;
  lastSuccessAt?: number;
  retryAfterUntil?: number;
  status: SubscriptionStatus;
  /** How the last refresh ended ('updated', 'unchanged', 'not-modified', 'failed', 'gone'); not indexed. */
  lastResult?: 'updated' | 'unchanged' | 'not-modified' | 'failed' | 'gone';
  lastError?: string;
  errorStreak: number;
  notify: boolean;
  markOnVisit: boolean;
  createdAt: number;
  /** Set when this follows a web page's list of posts instead of a feed (`feedUrl` is the page); not indexed. */
  listing?: PageListing;
  /**
   * Set when the user unsubscribed but kept the posts: the row stays so kept posts still
   * have a source title, it is never due, and re-adding the feed URL revives it.
   */
  archivedAt?: number;
  /** Pages where the author lists this feed's series (not indexed). */
  seriesPages?: SeriesPageState[];
  /** The series the author declares on series pages, article pages and in the feed (not indexed). */
  declaredSeries?: DeclaredSeries[];
  /** When a platform's API (Forem) was last asked for this feed's series (not indexed). */
  apiCheckedAt?: number;
}

/** Which list of posts a followed page is read from, and what it held last time. */
export interface PageListing {
  /** The candidate's key from extractListings; absent until the first refresh picks the best list (OPML import). */
  key?: string;
  /** Hash of the items last extracted, so an unchanged list writes no posts. */
  itemsHash?: string;
}

/** One post of a subscription. Times are epoch milliseconds. */
export interface Post {
  id: number;
  subscriptionId: number;
  /** The feed's id for the item (guid/id, or the link when the feed has none). */
  guid: string;
  url?: string;
  normalizedUrl?: string;
  title: string;
  summary?: string;
  authors: string[];
  categories: string[];
  published?: number;
  firstSeenAt: number;
  /** `published ?? firstSeenAt`; the popup's sort key. */
  sortAt: number;
  readAt?: number;
  /** 1 = unread. Numeric because IndexedDB cannot index booleans. */
  unread: 0 | 1;
  seriesKey?: string;
  part?: number;
  /** 1 = a "Save this page" item; never pruned. */
  saved?: 1;
  /** 1 = starred by the reader to read later; never pruned; indexed with sortAt (only starred posts are in that index). */
  starred?: 1;
}

/** A series of one subscription: its display name and the user's overrides. */
export interface SeriesRecord {
  id: number;
  subscriptionId: number;
  key: string;
  name: string;
  /** SeriesOverride[] owned by lib/series; stored as opaque structured-cloneable objects. */
  overrides: unknown[];
}

/** One stored setting; see settings.ts for the typed view. */
export interface SettingRecord {
  key: string;
  value: string | number | boolean | null;
}

/** A read mark restored from a backup, waiting for its post. */
export interface PendingMark {
  readAt: number;
  /** Kept so a backup made before the post arrives carries the mark on. */
  url?: string;
  title?: string;
}

/**
 * The read marks a backup restored for posts a subscription does not hold yet (feeds list only their
 * latest posts), by guid, in one row per subscription: a restore of hundreds of thousands of marks
 * writes a few hundred rows, not as many records. The refresh that first stores such a post stores it
 * read and takes its mark out (lib/db/upsert-posts.ts).
 */
export interface PendingReadMarks {
  subscriptionId: number;
  marks: Record<string, PendingMark>;
  /**
   * The guid of each waiting mark by its post's normalized article URL, so a post whose feed changed
   * its guid since the backup is still found (as upsertPosts matches stored posts). Absent in rows
   * written before it existed; an entry whose mark is gone is ignored.
   */
  byUrl?: Record<string, string>;
}

/**
 * Remembers a pruned post so a feed that still lists it does not bring it back as unread.
 * Dropped once the feed has not listed it for a whole retention period.
 */
export interface PrunedPost {
  subscriptionId: number;
  guid: string;
  normalizedUrl?: string;
  prunedAt: number;
  /** Last time a refresh saw the item in the feed (updated at most daily). */
  seenAt: number;
}

/** Who declared a series, in order of trust: the author's series page, an article page, the feed, a platform's API. */
export type DeclarationSource = 'series-page' | 'article-page' | 'feed' | 'api';

/** One post an author's declaration names: by link and/or title, with the author's number when given. */
export interface DeclaredEntry {
  url?: string;
  /** `normalizeArticleUrl(url)`, computed once when the declaration is stored. */
  normalizedUrl?: string;
  title?: string;
  /** The author's part number ("part 3 of 5"); without it an ordered declaration's list order counts. */
  position?: number;
}

/** A series as its author declares it (series page, article page, feed metadata or API); stored on its subscription. */
export interface DeclaredSeries {
  source: DeclarationSource;
  /** The page or feed it was read from; a new reading of the same place replaces it. */
  from: string;
  name: string;
  /** True when the entries' order is the author's reading order; false when it only says who belongs. */
  ordered: boolean;
  entries: DeclaredEntry[];
}

/** A page where the author lists a subscription's series, and how to fetch it politely. */
export interface SeriesPageState {
  url: string;
  etag?: string;
  lastModified?: string;
  bodyHash?: string;
  checkedAt?: number;
  /** Not before this time; 0 or absent: due. */
  nextCheckAt?: number;
  errorStreak?: number;
  lastError?: string;
}
