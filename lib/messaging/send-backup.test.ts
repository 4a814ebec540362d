import { describe, expect, it } from 'vitest';
import { stageBackupPart, takeBackupText } from '../background/backup-transfer';
import { BACKUP_PART_LENGTH } from '../backup/backup-parts';
import type { ImportReport } from './protocol';
import { sendBackup, type BackupSender } from './send-backup';

describe('sendBackup', () => {
  it.each([
    ['a small backup', 1_000, 1],
    ['a backup of several parts', BACKUP_PART_LENGTH * 2 + 5, 3],
  ])('sends %s in parts that the background joins back to the file', async (_name, length, expectedParts) => {
    const text = 'é'.repeat(length);
    const sent: number[] = [];
    let restored = '';
    const send = (async (type: string, data: { transfer: string; index?: number; parts?: number; text?: string }) => {
      if (type === 'importBackupPart') {
        sent.push(data.text!.length);
        stageBackupPart(data.transfer, data.index!, data.text!);
        return undefined;
      }
      restored = takeBackupText(data.transfer, data.parts!);
      return { added: 1, skipped: 0 } satisfies Partial<ImportReport>;
    }) as unknown as BackupSender;
    await sendBackup(text, send);
    expect(sent).toHaveLength(expectedParts);
    expect(Math.max(...sent)).toBeLessThanOrEqual(BACKUP_PART_LENGTH);
    expect(restored).toBe(text);
  });
});
