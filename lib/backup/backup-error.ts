/** Why a backup file was refused. */
export type BackupErrorCode = 'not-json' | 'foreign' | 'unsupported-version' | 'invalid' | 'too-large' | 'interrupted';

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

/** A `BackupError('invalid')` whose message names the field and says nothing was imported. */
export function invalidField(path: string, problem: string): BackupError {
  return new BackupError('invalid', `This backup file is damaged (${path} ${problem}), so nothing was imported.`, path);
}
