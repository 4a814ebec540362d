import type { PartwiseDatabase } from '../db';
import { scheduleRefreshAlarm } from '../refresh/alarms';
import { updateBadge } from '../refresh/badge';
import { syncContentScripts } from '../content-scripts/sync-content-scripts';
import { visitScriptOrigins } from './visit-script-origins';

/** After read state changed: the badge shows the new unread count (an open popup updates through liveQuery). */
export async function afterReadChange(db: PartwiseDatabase): Promise<void> {
  await updateBadge(db);
}

/** After subscriptions changed: badge, next alarm and the sites the content script runs on. */
export async function afterSubscriptionsChange(db: PartwiseDatabase, now: number): Promise<string[]> {
  await updateBadge(db);
  await scheduleRefreshAlarm(db, now);
  return syncContentScripts(await visitScriptOrigins(db));
}
