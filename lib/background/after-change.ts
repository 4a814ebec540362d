import type { PartwiseDatabase } from '../db';
import { scheduleRefreshAlarm } from '../refresh/alarms';
import { updateBadge } from '../refresh/badge';
import { syncContentScripts } from '../content-scripts/sync-content-scripts';
import { storeFirstPage } from '../reading-list/store-first-page';
import { visitScriptOrigins } from './visit-script-origins';

/**
 * After posts changed (read state, series, saved pages): the badge shows the new unread count and the
 * popup's first page is rebuilt (an open popup updates through liveQuery).
 */
export async function afterPostsChange(db: PartwiseDatabase): Promise<void> {
  await Promise.all([updateBadge(db), storeFirstPage(db)]);
}

/** After subscriptions changed: badge, first page, next alarm and the sites the content script runs on. */
export async function afterSubscriptionsChange(db: PartwiseDatabase, now: number): Promise<string[]> {
  await afterPostsChange(db);
  await scheduleRefreshAlarm(db, now);
  return syncContentScripts(await visitScriptOrigins(db));
}
