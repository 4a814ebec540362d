import { database } from '../db';
import { exportBackup } from '../library-io/export-backup';
import { exportSubscriptionsOpml } from '../library-io/export-opml';
import { importBackup } from '../library-io/import-backup';
import { importOpml } from '../library-io/import-opml';
import { onMessage } from '../messaging/protocol';
import { afterSubscriptionsChange } from './after-change';
import { syncWholeLibrary } from '../sync/record-local';

/** Registers the OPML and backup handlers. */
export function registerImportExportHandlers(): void {
  onMessage('importOpml', async ({ data }) => {
    const report = await importOpml(database(), data.text, Date.now());
    await syncWholeLibrary(database(), Date.now());
    await afterSubscriptionsChange(database(), Date.now());
    return report;
  });
  onMessage('exportOpml', async () => ({ text: await exportSubscriptionsOpml(database(), new Date()) }));
  onMessage('exportBackup', async () => ({ text: await exportBackup(database(), new Date()) }));
  onMessage('importBackup', async ({ data }) => {
    const report = await importBackup(database(), data.text, Date.now());
    await syncWholeLibrary(database(), Date.now());
    await afterSubscriptionsChange(database(), Date.now());
    return report;
  });
}
