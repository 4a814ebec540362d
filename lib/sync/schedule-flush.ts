import { browser } from 'wxt/browser';
import { DEBOUNCE_MS } from './write-budget';

/** The alarm that sends pending local changes to storage.sync. */
export const SYNC_ALARM = 'partwise-sync';

/**
 * Schedules a send at `at` (default: DEBOUNCE_MS from now) unless one is already due sooner, so a burst
 * of changes is one write. An alarm, not a timer: the worker may stop before it fires.
 */
export async function scheduleSyncFlush(now: number, at: number = now + DEBOUNCE_MS): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing && existing.scheduledTime <= at) return;
  await browser.alarms.create(SYNC_ALARM, { when: at });
}
