import { database } from '../db';
import { exportBackup } from '../library-io/export-backup';
import { exportSubscriptionsOpml } from '../library-io/export-opml';
import { importOpml } from '../library-io/import-opml';
import { onTrustedMessage } from './on-trusted-message';
import { afterSubscriptionsChange } from './after-change';
import { syncSubscriptionChanged, syncWholeLibrary } from '../sync/record-local';
import type { ImportReport } from '../messaging/protocol';
import { restoreBackup } from './restore-backup';

function followedIds(): Promise<number[]> {
  return database().subscriptions.filter((s) => s.archivedAt === undefined).primaryKeys();
}

/**
 * Runs an import, then tells sync: the whole library as it stands, and each subscription the import
 * added as subscribed now, so it wins over an unsubscribe made before (on this browser or another).
 */
async function importThenSync(run: (now: number) => Promise<ImportReport>): Promise<ImportReport> {
  const before = new Set(await followedIds());
  const report = await run(Date.now());
  const now = Date.now();
  await syncWholeLibrary(database(), now);
  for (const id of await followedIds()) if (!before.has(id)) await syncSubscriptionChanged(database(), id, now);
  await afterSubscriptionsChange(database(), now);
  return report;
}

/** Registers the OPML and backup handlers. */
export function registerImportExportHandlers(): void {
  onTrustedMessage('importOpml', ({ data }) => importThenSync((now) => importOpml(database(), data.text, now)));
  onTrustedMessage('exportOpml', async () => ({ text: await exportSubscriptionsOpml(database(), new Date()) }));
  onTrustedMessage('exportBackup', async () => ({ text: await exportBackup(database(), new Date()) }));
  onTrustedMessage('importBackup', ({ data }) => importThenSync((now) => restoreBackup(database(), data.text, now)));
}
