import { browser } from 'wxt/browser';
import { getSettings, type PartwiseDatabase } from '../db';

/** Storage key the content script reads to know when a visit counts as reading. */
export const VISIT_SETTINGS_KEY = 'partwise:visit';

/** How the content script decides that a page was read. */
export interface VisitSettings {
  mode: 'visit' | 'dwell' | 'scroll';
  dwellSeconds: number;
  showNextInSeries: boolean;
}

/**
 * Mirrors the marking settings into `storage.local`, which the tiny content script can read
 * without Dexie or a round trip to the background.
 */
export async function syncVisitSettings(db: PartwiseDatabase): Promise<VisitSettings> {
  const settings = await getSettings(db);
  const visit: VisitSettings = { mode: settings.markMode, dwellSeconds: settings.dwellSeconds, showNextInSeries: settings.showNextInSeries };
  await browser.storage.local.set({ [VISIT_SETTINGS_KEY]: visit });
  return visit;
}
