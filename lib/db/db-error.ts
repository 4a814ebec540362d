/** Machine-readable reason a storage call failed. */
export type DbErrorCode = 'duplicate' | 'not-found' | 'invalid';

/** Typed error thrown by lib/db so callers can branch on `code` instead of parsing messages. */
export class DbError extends Error {
  /** Why the call failed. */
  readonly code: DbErrorCode;

  constructor(code: DbErrorCode, message: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
  }
}

/** True when `error` is a DbError, optionally with the given code. */
export function isDbError(error: unknown, code?: DbErrorCode): error is DbError {
  return error instanceof DbError && (code === undefined || error.code === code);
}
