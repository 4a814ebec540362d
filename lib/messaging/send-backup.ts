import { splitBackupText } from '../backup/backup-parts';
import { sendMessage, type ImportReport } from './protocol';

/** The two protocol messages a restore sends (`sendMessage`, or a fake in tests). */
export interface BackupSender {
  (type: 'importBackupPart', data: { transfer: string; index: number; text: string }): Promise<void>;
  (type: 'importBackup', data: { transfer: string; parts: number }): Promise<ImportReport>;
}

/** Sends a backup file to the background in parts small enough for one message each, then asks it to restore. */
export async function sendBackup(text: string, send: BackupSender = sendMessage): Promise<ImportReport> {
  const transfer = crypto.randomUUID();
  const parts = splitBackupText(text);
  for (const [index, part] of parts.entries()) await send('importBackupPart', { transfer, index, text: part });
  return send('importBackup', { transfer, parts: parts.length });
}
