import { database } from '../db';
import { importOpml } from '../library-io/import-opml';
import { onTrustedMessage } from './on-trusted-message';
import { afterSubscriptionsChange } from './after-change';
import { syncWholeLibrary } from '../sync/record-local';
import type { ImportReport } from '../messaging/protocol';
import { restoreBackup } from './restore-backup';
import { stageBackupPart, takeBackupText } from './backup-transfer';

function followedIds(): Promise<number[]> {
  return database().subscriptions.filter((s) => s.archivedAt === undefined).primaryKeys();
}

/**
 * Runs an import, then tells sync in one record: the whole library as it stands, with each subscription
 * the import added as subscribed now, so it wins over an unsubscribe made before (here or elsewhere).
 */
async function importThenSync(run: (now: number) => Promise<ImportReport>): Promise<ImportReport> {
  const before = new Set(await followedIds());
  const report = await run(Date.now());
  const now = Date.now();
  const subscribedNow = new Set((await followedIds()).filter((id) => !before.has(id)));
  await syncWholeLibrary(database(), now, subscribedNow);
  await afterSubscriptionsChange(database(), now);
  return report;
}

/** Registers the OPML and backup import handlers (exports are reads: the options page makes them itself). */
export function registerImportExportHandlers(): void {
  onTrustedMessage('importOpml', ({ data }) => importThenSync((now) => importOpml(database(), data.text, now)));
  onTrustedMessage('importBackupPart', ({ data }) => stageBackupPart(data.transfer, data.index, data.text));
  onTrustedMessage('importBackup', ({ data }) => {
    const text = takeBackupText(data.transfer, data.parts);
    return importThenSync((now) => restoreBackup(database(), text, now));
  });
}
