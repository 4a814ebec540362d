import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Settings } from '../db/settings';

/** What the background answers to a liveness check. */
export interface PingReply {
  version: string;
  /** Where the answer came from, so a caller can tell a real background from a stray listener. */
  context: 'background';
}

/** A page view reported by the content script. */
export interface PageVisit {
  url: string;
  canonical?: string | null;
  ogUrl?: string | null;
  title?: string;
  /** The series the page declares (Forem box, PublishPress, JSON-LD, og:see_also, a generic box). */
  series?: PageSeries[];
}

/** A post an article page's series declaration names. */
export interface PageSeriesEntry {
  url?: string;
  title?: string;
  /** The author's part number, when the page gives it. */
  position?: number;
}

/** A series an article page declares: its name (empty when only membership is known) and its posts. */
export interface PageSeries {
  source: 'forem' | 'publishpress' | 'json-ld' | 'og-see-also' | 'generic';
  name: string;
  /** True when `entries` are in the author's reading order. */
  ordered: boolean;
  entries: PageSeriesEntry[];
  /** The page itself, with its part number, when the list does not say which entry it is. */
  self?: PageSeriesEntry;
}

/** What the background did with a page view. */
export interface VisitResult {
  /** Ids of the posts this page view matched. */
  matched: number[];
  /** Ids of the posts this page view marked read (empty when already read or marking is off). */
  marked: number[];
  /** The next part of the series this page belongs to, when the "next in series" link is on. */
  next?: { title: string; url: string; label: string };
  /** True when the page's series declaration changed the library's series. */
  seriesChanged?: boolean;
}

/** A feed found on a page, offered to the user to pick. */
export interface FeedChoice {
  url: string;
  title?: string;
  type: 'rss' | 'atom' | 'json' | 'unknown';
  /** The page that offered this feed, when it lists series: kept as the feed's series page on subscribing. */
  seriesPageUrl?: string;
}

/** One list of posts found on a page without a feed, as the preview shows it. */
export interface PageCandidatePreview {
  /** Names the list on the page (see lib/pages/extract-listing). */
  key: string;
  count: number;
  /** The first posts' titles, plain text. */
  titles: string[];
  /** Sites the posts live on, for the visit content script's host access. */
  origins: string[];
}

/** A page without a feed that Partwise can follow: its lists of posts, best first. */
export interface PageOffer {
  url: string;
  title: string;
  candidates: PageCandidatePreview[];
}

/** What subscribing to a URL led to. */
export type SubscribeResult =
  | { kind: 'subscribed'; subscriptionId: number; title: string; postCount: number; seriesPosts?: number }
  | { kind: 'exists'; subscriptionId: number; title: string }
  | { kind: 'choose'; feeds: FeedChoice[] }
  | { kind: 'page'; page: PageOffer };

/** A user's correction of series detection, as the popup sends it. */
export type SeriesEditRequest =
  | { kind: 'rename'; subscriptionId: number; seriesKey: string; name: string }
  | { kind: 'merge'; subscriptionId: number; fromKey: string; intoKey: string }
  | { kind: 'not-series'; subscriptionId: number; seriesKey: string }
  | { kind: 'move'; postId: number; seriesKey: string | null }
  /** The reader starts a series of their own from standalone posts (numbered by date, oldest first). */
  | { kind: 'new-series'; subscriptionId: number; name: string; postIds: number[] };

/** User-editable fields of a subscription. */
export interface SubscriptionEdit {
  customTitle?: string | null;
  refreshMinutes?: number | null;
  notify?: boolean;
  markOnVisit?: boolean;
  /** The folder ("Tech / Python", as OPML outlines nest it); null or '' takes the feed out of any folder. */
  folder?: string | null;
}

/** Outcome of an OPML or backup import, for the options page to report. */
export interface ImportReport {
  added: number;
  skipped: number;
  problems: string[];
}

/**
 * The one typed protocol between popup, options page, content script and background.
 * Each key is a message; its function type gives the payload and the reply.
 */
export interface ProtocolMap {
  ping(): PingReply;
  pageVisited(visit: PageVisit): VisitResult;
  /** Subscribe to a feed URL, or discover the feeds of a site URL. Host access must already be granted. */
  subscribe(request: { url: string; title?: string; seriesPageUrl?: string }): SubscribeResult;
  unsubscribe(request: { subscriptionId: number; keepPosts: boolean }): void;
  updateSubscription(request: { subscriptionId: number; edit: SubscriptionEdit }): void;
  /** Refresh one subscription now, or every subscription when no id is given. */
  refreshNow(request: { subscriptionId?: number }): { refreshed: number };
  /** Mark posts read or unread; answers how many changed. */
  setRead(request: { postIds: number[]; read: boolean }): { changed: number };
  /** Mark a series (or a feed's standalone posts) read; answers the ids it changed, for undo. */
  markGroupRead(request: { subscriptionId: number; seriesKey: string | null }): { postIds: number[] };
  /** Marks every unread post read, or those of some subscriptions (a feed or folder view); the ids are for undo. */
  markAllRead(request: { subscriptionIds?: number[] }): { postIds: number[] };
  /** Renames a folder ("Tech / Python"); its feeds, and folders inside it, move with it. */
  renameFolder(request: { from: string; to: string }): { moved: number };
  /** Stars a post to read later, or takes its star away. */
  setStarred(request: { postId: number; starred: boolean }): void;
  /** Open a post in a new tab and mark it read. */
  openPost(request: { postId: number; background: boolean }): void;
  /** Add a page to the reading list as a standalone item. */
  savePage(request: { url: string; title: string }): { postId: number; created: boolean };
  editSeries(request: SeriesEditRequest): void;
  /** Re-register the visit content script for the current subscriptions and granted origins. */
  syncContentScripts(): { patterns: string[] };
  updateSettings(patch: Partial<Settings>): Settings;
  importOpml(request: { text: string }): ImportReport;
  /** One part of a backup file the options page sends (lib/backup/backup-parts.ts); `importBackup` restores it. */
  importBackupPart(request: { transfer: string; index: number; text: string }): void;
  /** Restores the backup sent as `parts` parts under `transfer`. */
  importBackup(request: { transfer: string; parts: number }): ImportReport;
  /** Follow a page without a feed, reading the list of posts `key` names. Host access must already be granted. */
  followPage(request: { url: string; key: string; title?: string }): SubscribeResult;
  /** Turn syncing through the browser account on or off (nothing local is deleted). */
  setSyncEnabled(request: { enabled: boolean }): void;
  /** Send pending sync changes now and apply the synced copy. */
  syncNow(): void;
  /** The subscriptions whose series a page (as the popup read it) lists. */
  seriesPageOffer(request: { url: string; html: string }): SeriesPageOffer[];
  /** Keep the page the popup shows as a series page of a subscription. */
  useSeriesPage(request: { subscriptionId: number; url: string; html: string }): { placed: number };
  /** Add a series page to a subscription by its address (options page). */
  addSeriesPage(request: { subscriptionId: number; url: string }): { placed: number };
  removeSeriesPage(request: { subscriptionId: number; url: string }): void;
}

/** A subscription whose posts the page in the active tab lists in series. */
export interface SeriesPageOffer {
  subscriptionId: number;
  title: string;
  /** How many of its posts the page places. */
  placed: number;
  /** How many series the page lists. */
  series: number;
}

/** Typed send/listen pair shared by every extension context. */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
