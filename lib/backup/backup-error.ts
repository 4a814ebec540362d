import { fileSizeText } from '../i18n/file-size';
import { t, type MessageKey } from '../i18n/t';

/** Why a backup file was refused. */
export type BackupErrorCode = 'not-json' | 'foreign' | 'unsupported-version' | 'invalid' | 'too-large' | 'interrupted';

/** What is wrong with one field: a `backupErrorField…` message, said after the field's path. */
export type BackupFieldProblem = Extract<MessageKey, `backupErrorField${string}`>;

/** Thrown by `parseBackup`; `message` is written for the user, `path` names the bad field. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly code: BackupErrorCode;
  /** Location of the offending value, e.g. `subscriptions[3].feedUrl`; absent for whole-file problems. */
  readonly path?: string;

  constructor(code: BackupErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    if (path !== undefined) this.path = path;
  }
}

/** A `BackupError('invalid')` whose message names the field and its problem (with `facts` as `$1`…) and says nothing was imported. */
export function invalidField(path: string, problem: BackupFieldProblem, ...facts: (string | number)[]): BackupError {
  return new BackupError('invalid', t('backupErrorDamaged', path, t(problem, ...facts)), path);
}

/** The one refusal of a backup over `maxBytes`, the same whether the file is parsed or still arriving in parts. */
export function backupTooLarge(maxBytes: number): BackupError {
  return new BackupError('too-large', t('backupErrorTooLarge', fileSizeText(maxBytes)));
}
