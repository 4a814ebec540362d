import { describe, expect, it } from 'vitest';
import { BackupError } from '../backup/backup-error';
import { BACKUP_PART_LENGTH } from '../backup/backup-parts';
import { stageBackupPart, takeBackupText } from './backup-transfer';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof BackupError ? error.code : (error as Error).name;
  }
  return undefined;
}

describe('backup transfer', () => {
  it.each<[string, [string, number, string][], string, number, string | undefined]>([
    ['joins the parts in order, whatever order they came in', [['t', 1, 'b'], ['t', 0, 'a'], ['t', 2, 'c']], 't', 3, 'abc'],
    ['a part sent twice counts once', [['t', 0, 'a'], ['t', 0, 'a'], ['t', 1, 'b']], 't', 2, 'ab'],
    ['a single empty part is an empty text', [['t', 0, '']], 't', 1, ''],
  ])('%s', (_name, parts, transfer, count, expected) => {
    for (const [id, index, text] of parts) stageBackupPart(id, index, text);
    expect(takeBackupText(transfer, count)).toBe(expected);
  });

  it.each<[string, [string, number, string][], string, number]>([
    ['a part is missing (the worker restarted mid-way)', [['t', 0, 'a'], ['t', 2, 'c']], 't', 3],
    ['nothing arrived', [], 't', 1],
    ['more parts arrived than announced', [['t', 0, 'a'], ['t', 1, 'b']], 't', 1],
    ['the parts belong to another transfer', [['other', 0, 'a']], 't', 1],
    ['a newer transfer dropped the older one', [['t', 0, 'a'], ['u', 0, 'b']], 't', 1],
  ])('says the backup did not arrive whole when %s', (_name, parts, transfer, count) => {
    for (const [id, index, text] of parts) stageBackupPart(id, index, text);
    expect(codeOf(() => takeBackupText(transfer, count))).toBe('interrupted');
  });

  it('forgets the parts once taken', () => {
    stageBackupPart('t', 0, 'a');
    expect(takeBackupText('t', 1)).toBe('a');
    expect(codeOf(() => takeBackupText('t', 1))).toBe('interrupted');
  });

  it.each<[string, number, number]>([
    ['a negative index', -1, 1],
    ['a fractional index', 0.5, 1],
    ['an index past any genuine backup', 10_000, 1],
    ['a part longer than the part length', 0, BACKUP_PART_LENGTH + 1],
  ])('refuses %s', (_name, index, length) => {
    expect(codeOf(() => stageBackupPart('t', index, 'x'.repeat(length)))).toBe('RangeError');
  });

  it('stops keeping parts once they pass the largest backup, and drops what it held', () => {
    const part = 'x'.repeat(BACKUP_PART_LENGTH);
    let refusal: unknown;
    for (let index = 0; refusal === undefined && index < 20; index += 1) {
      try {
        stageBackupPart('big', index, part);
      } catch (error) {
        refusal = error;
      }
    }
    // The same words as parseBackup's refusal of a file over the limit.
    expect(refusal).toMatchObject({ code: 'too-large', message: 'This file is larger than 64 MB, more than any Partwise backup, so it was not imported.' });
    expect(codeOf(() => takeBackupText('big', 1))).toBe('interrupted');
  });
});
