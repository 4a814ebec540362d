import { database } from '../db';
import { exportBackup } from '../library-io/export-backup';
import { exportSubscriptionsOpml } from '../library-io/export-opml';
import { importOpml } from '../library-io/import-opml';
import { onTrustedMessage } from './on-trusted-message';
import { afterSubscriptionsChange } from './after-change';
import { syncWholeLibrary } from '../sync/record-local';
import { restoreBackup } from './restore-backup';

/** Registers the OPML and backup handlers. */
export function registerImportExportHandlers(): void {
  onTrustedMessage('importOpml', async ({ data }) => {
    const report = await importOpml(database(), data.text, Date.now());
    await syncWholeLibrary(database(), Date.now());
    await afterSubscriptionsChange(database(), Date.now());
    return report;
  });
  onTrustedMessage('exportOpml', async () => ({ text: await exportSubscriptionsOpml(database(), new Date()) }));
  onTrustedMessage('exportBackup', async () => ({ text: await exportBackup(database(), new Date()) }));
  onTrustedMessage('importBackup', async ({ data }) => {
    const report = await restoreBackup(database(), data.text, Date.now());
    await syncWholeLibrary(database(), Date.now());
    await afterSubscriptionsChange(database(), Date.now());
    return report;
  });
}
