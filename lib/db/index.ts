/** Public API of Partwise's storage layer (see README.md); tests' helpers are deliberately not exported. */
export { DbError, isDbError, type DbErrorCode } from './db-error';
export type { PendingMark, PendingReadMarks, Post, PrunedPost, SeriesRecord, SettingRecord, Subscription, SubscriptionStatus } from './types';
export type { DeclarationSource, DeclaredEntry, DeclaredSeries, SeriesPageState } from './types';
export type { PageListing } from './types';
export {
  CURRENT_SCHEMA_VERSION,
  PartwiseDatabase,
  SCHEMA_VERSIONS,
  openDatabase,
  refreshTables,
  storesAtVersion,
  type SchemaVersion,
} from './schema';
export { DEFAULT_SETTINGS, REFRESH_MINUTES_BOUNDS, getSettings, updateSettings, type MarkMode, type Settings, type Theme } from './settings';
export {
  addSubscription,
  deleteSubscription,
  dueSubscriptions,
  findSubscriptionByFeedUrl,
  getSubscription,
  listSubscriptions,
  patchedSubscription,
  subscriptionTitle,
  updateSubscription,
  type ListSubscriptionsOptions,
  type NewSubscription,
  type SubscriptionPatch,
} from './subscriptions';
export { upsertPosts, type IncomingPost, type UpsertResult } from './upsert-posts';
export {
  getSeriesOverrides,
  listSeries,
  setSeriesOverrides,
  storeSeriesAssignments,
  type SeriesAssignment,
  type SeriesOverrides,
  type SeriesStoreResult,
} from './series-store';
export { findPostsByNormalizedUrl, markAllRead, markGroupRead, setRead, unreadCount, type PostGroup } from './read-state';
export { setStarred, starredPosts } from './stars';
export { renameFolder } from './rename-folder';
export {
  countsBySubscription,
  postsOfSeries,
  searchPosts,
  seriesProgress,
  unreadPage,
  type PageCursor,
  type SearchOptions,
  type SeriesProgress,
  type SubscriptionCounts,
  type UnreadPageOptions,
} from './queries';
export { postsAtUrls, subscriptionPosts } from './post-lookups';
export { pruneReadPosts } from './prune';
export { database } from './database';
