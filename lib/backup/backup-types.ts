/** Any value JSON can carry; used for the parts of a backup other modules own. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A setting as stored in a backup: flat, primitive values only. */
export type BackupSettingValue = string | number | boolean | null;

/** One post the user has read. */
export interface BackupReadMark {
  postId: string;
  url?: string;
  /** The post's title, so a read post not yet re-fetched can still be listed by name. */
  title?: string;
  /** ISO 8601 date-time. */
  readAt: string;
}

/** A user correction to the series engine; only `kind` is checked here, the engine owns the rest. */
export interface BackupSeriesOverride {
  kind: string;
  [field: string]: JsonValue;
}

/** One subscription with its read state and series overrides. */
export interface BackupSubscription {
  feedUrl: string;
  siteUrl?: string;
  title: string;
  customTitle?: string;
  tags: string[];
  refreshMinutes?: number;
  notify: boolean;
  markOnVisit: boolean;
  /** ISO 8601 date-time. */
  createdAt: string;
  read: BackupReadMark[];
  seriesOverrides: BackupSeriesOverride[];
  /** Present when this follows a page without a feed (`feedUrl` is the page): which of its lists. */
  listing?: { key?: string };
}

/** Version 1 of the Partwise backup file: plain JSON, independent of the database schema. */
export interface BackupV1 {
  format: 'partwise-backup';
  version: 1;
  /** ISO 8601 date-time. */
  exportedAt: string;
  settings: Record<string, BackupSettingValue>;
  subscriptions: BackupSubscription[];
}
