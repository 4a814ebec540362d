import { BACKUP_LIMITS } from '../backup/backup-limits';
import { BackupError, backupTooLarge } from '../backup/backup-error';
import { t } from '../i18n/t';
import { BACKUP_PART_LENGTH } from '../backup/backup-parts';

/**
 * The parts of the one backup being sent by the options page (see backup-parts.ts). Kept in memory
 * on purpose: it is a copy of a file the user still has, so a worker stopped mid-transfer loses
 * nothing; the restore then says the backup did not arrive whole and the user picks the file again.
 */
let pending: { transfer: string; parts: string[]; length: number } | undefined;

const MAX_PARTS = Math.ceil((BACKUP_LIMITS.maxBytes + 1) / (BACKUP_PART_LENGTH - 1)) + 1;

/** Keeps part `index` of backup `transfer`; a new transfer id drops the parts of an earlier one. */
export function stageBackupPart(transfer: string, index: number, text: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PARTS) throw new RangeError(`Backup part ${index} is out of range`);
  if (text.length > BACKUP_PART_LENGTH) throw new RangeError(`Backup part ${index} is longer than ${BACKUP_PART_LENGTH} characters`);
  if (pending?.transfer !== transfer) pending = { transfer, parts: [], length: 0 };
  pending.length += text.length - (pending.parts[index]?.length ?? 0);
  pending.parts[index] = text;
  // The parse refuses a too-large backup too; this stops memory growing past it, with the same words
  // (more UTF-16 units than the limit also means more UTF-8 bytes).
  if (pending.length > BACKUP_LIMITS.maxBytes + BACKUP_PART_LENGTH) {
    pending = undefined;
    throw backupTooLarge(BACKUP_LIMITS.maxBytes);
  }
}

/** The whole text of backup `transfer` sent in `count` parts, which are then forgotten; throws when a part is missing. */
export function takeBackupText(transfer: string, count: number): string {
  const staged = pending?.transfer === transfer ? pending : undefined;
  pending = undefined;
  const parts = staged?.parts ?? [];
  const whole = parts.length === count && Array.from({ length: count }, (_, i) => parts[i]).every((part) => part !== undefined);
  if (!whole) {
    throw new BackupError('interrupted', t('backupErrorInterrupted'));
  }
  return parts.join('');
}
