import { browser } from 'wxt/browser';
import type { PartwiseDatabase } from '../db';

/** The one alarm that wakes the service worker when the next feed is due. */
export const REFRESH_ALARM = 'partwise-refresh';
/** A daily alarm for housekeeping (pruning old read posts). */
export const DAILY_ALARM = 'partwise-daily';
/** Browsers do not fire alarms sooner than 30 s from now. */
export const MIN_ALARM_DELAY_MS = 30_000;

/** The earliest nextCheckAt among subscriptions that are still polled, or undefined when none is. */
export async function earliestCheck(db: PartwiseDatabase): Promise<number | undefined> {
  const next = await db.subscriptions
    .orderBy('nextCheckAt')
    .filter((s) => s.status !== 'gone' && s.archivedAt === undefined)
    .first();
  return next?.nextCheckAt;
}

/** Points the refresh alarm at the next due feed (idempotent: it replaces any earlier alarm). */
export async function scheduleRefreshAlarm(db: PartwiseDatabase, now: number): Promise<number | undefined> {
  const earliest = await earliestCheck(db);
  if (earliest === undefined) {
    await browser.alarms.clear(REFRESH_ALARM);
    return undefined;
  }
  const when = Math.max(earliest, now + MIN_ALARM_DELAY_MS);
  await browser.alarms.create(REFRESH_ALARM, { when });
  return when;
}

/**
 * How soon the alarm set before a run fires: long enough for a normal run to finish and re-point it,
 * short enough that a run cut off by a stopped worker resumes soon.
 */
export const RUN_RETRY_DELAY_MS = 60_000;

/**
 * Called before a run starts: points the alarm at the earliest check, but no sooner than the retry
 * delay. Feeds this run is about to refresh are still due, so if the worker stops (or a step throws)
 * before the run ends, this alarm brings it back; a run that ends re-points it at the real next check.
 */
export async function armAlarmBeforeRun(db: PartwiseDatabase, now: number): Promise<number | undefined> {
  const earliest = await earliestCheck(db);
  if (earliest === undefined) return undefined;
  const when = Math.max(earliest, now + RUN_RETRY_DELAY_MS);
  await browser.alarms.create(REFRESH_ALARM, { when });
  return when;
}

/** Sets the refresh alarm when none exists (a lost alarm would end polling until the browser restarts). */
export async function ensureRefreshAlarm(db: PartwiseDatabase, now: number): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) await scheduleRefreshAlarm(db, now);
}

/** Creates the daily housekeeping alarm unless it exists. */
export async function ensureDailyAlarm(): Promise<void> {
  if (!(await browser.alarms.get(DAILY_ALARM))) await browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
}
