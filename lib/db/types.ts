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
  /**
   * Set when the user unsubscribed but kept the posts: the row stays so kept posts still
   * have a source title, it is never due, and re-adding the feed URL revives it.
   */
  archivedAt?: number;
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
  /** 1 = starred by the reader to read later; never pruned; not indexed (see lib/db/stars.ts). */
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
