import { browser } from 'wxt/browser';
import type { PartwiseDatabase } from '../db';
import { importBackup } from '../library-io/import-backup';
import type { ImportReport } from '../messaging/protocol';
import { ALL_SITES_ORIGINS } from '../permissions/request-origins';
import { syncVisitSettings } from './visit-settings';

/**
 * Restores a backup the options page sent (host access was asked for in the user's click there):
 * "allow all sites" only comes back with that access, and the content script's copy of the marking
 * settings is re-synced so a restored "mark on scroll" takes effect at once.
 */
export async function restoreBackup(db: PartwiseDatabase, text: string, now: number): Promise<ImportReport> {
  const allSitesGranted = await browser.permissions.contains({ origins: [...ALL_SITES_ORIGINS] });
  const report = await importBackup(db, text, now, { allSitesGranted });
  await syncVisitSettings(db);
  return report;
}
