import { invalidField } from './backup-error.ts';
import { BACKUP_LIMITS } from './backup-limits.ts';
import type { BackupSettingValue } from './backup-types.ts';
import { isDangerousKey, memberPath, requireObject, requireString } from './json-fields.ts';

/** Validates the flat settings map; dangerous keys are dropped, not copied. */
export function readSettings(value: unknown, path: string): Record<string, BackupSettingValue> {
  const raw = requireObject(value, path);
  const entries = Object.entries(raw).filter(([key]) => !isDangerousKey(key));
  if (entries.length > BACKUP_LIMITS.settings) throw invalidField(path, 'backupErrorFieldTooMany', BACKUP_LIMITS.settings.toLocaleString());
  const settings: Record<string, BackupSettingValue> = {};
  for (const [key, item] of entries) {
    const itemPath = memberPath(path, key);
    if (key === '' || key.length > BACKUP_LIMITS.settingKeyLength) throw invalidField(itemPath, 'backupErrorFieldUnusableName');
    settings[key] = readSettingValue(item, itemPath);
  }
  return settings;
}

function readSettingValue(value: unknown, path: string): BackupSettingValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidField(path, 'backupErrorFieldNotFinite');
    return value;
  }
  if (typeof value === 'string') return requireString(value, path, { max: BACKUP_LIMITS.settingValueLength });
  throw invalidField(path, 'backupErrorFieldNotSettingValue');
}
