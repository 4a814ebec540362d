import { BackupError, backupTooLarge, invalidField } from './backup-error.ts';
import { BACKUP_LIMITS } from './backup-limits.ts';
import type { BackupSubscription, BackupV1 } from './backup-types.ts';
import { field, isJsonObject, requireArray, requireIsoDate, type JsonObject } from './json-fields.ts';
import { readSettings } from './read-settings.ts';
import { readSubscription } from './read-subscription.ts';
import { exceedsUtf8Bytes } from '../text/exceeds-utf8-bytes';
import { t } from '../i18n/t';

export { BackupError } from './backup-error.ts';
export type { BackupErrorCode } from './backup-error.ts';
export type { BackupReadMark, BackupSeriesOverride, BackupSettingValue, BackupSubscription, BackupV1, JsonValue } from './backup-types.ts';

export const BACKUP_FORMAT = 'partwise-backup';
export const BACKUP_VERSION = 1;

/**
 * Reads and fully validates a backup file without touching any stored data. Throws
 * `BackupError` (`not-json`, `foreign`, `unsupported-version`, `invalid` with `path`, `too-large`).
 */
export function parseBackup(text: string, options?: { maxBytes?: number }): BackupV1 {
  const maxBytes = options?.maxBytes ?? BACKUP_LIMITS.maxBytes;
  if (exceedsUtf8Bytes(text, maxBytes)) throw backupTooLarge(maxBytes);
  const root = parseJson(text);
  assertPartwiseBackup(root);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: requireIsoDate(field(root, 'exportedAt'), 'exportedAt'),
    settings: readSettings(field(root, 'settings'), 'settings'),
    subscriptions: readSubscriptions(field(root, 'subscriptions')),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new BackupError('not-json', t('backupErrorNotJson'));
    // JSON.parse only throws SyntaxError, or RangeError when nesting exhausts the stack.
    throw new BackupError('invalid', t('backupErrorTooDeep'));
  }
}

function assertPartwiseBackup(root: unknown): asserts root is JsonObject {
  if (!isJsonObject(root) || field(root, 'format') !== BACKUP_FORMAT) {
    throw new BackupError('foreign', t('backupErrorForeign', t('exportBackup')));
  }
  const version = field(root, 'version');
  if (version === BACKUP_VERSION) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new BackupError('unsupported-version', t('backupErrorNewerVersion'), 'version');
  }
  throw new BackupError('unsupported-version', t('backupErrorUnknownVersion'), 'version');
}

function readSubscriptions(value: unknown): BackupSubscription[] {
  const list = requireArray(value, 'subscriptions', BACKUP_LIMITS.subscriptions);
  const firstIndexByUrl = new Map<string, number>();
  return list.map((item, i) => {
    const subscription = readSubscription(item, `subscriptions[${i}]`);
    const earlier = firstIndexByUrl.get(subscription.feedUrl);
    if (earlier !== undefined) throw invalidField(`subscriptions[${i}].feedUrl`, 'backupErrorFieldRepeatedAddress', `subscriptions[${earlier}]`);
    firstIndexByUrl.set(subscription.feedUrl, i);
    return subscription;
  });
}
