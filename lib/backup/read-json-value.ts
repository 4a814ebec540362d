import { invalidField } from './backup-error.ts';
import type { JsonValue } from './backup-types.ts';
import { isDangerousKey, memberPath } from './json-fields.ts';

const MAX_DEPTH = 32;

/**
 * Copies free-form JSON (owned by another module) into fresh objects, leaving out
 * `__proto__`/`constructor`/`prototype` keys and refusing absurd nesting.
 */
export function readJsonValue(value: unknown, path: string, depth = 0): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // JSON.parse turns 1e400 into Infinity, which JSON cannot write back.
    if (!Number.isFinite(value)) throw invalidField(path, 'backupErrorFieldNotFinite');
    return value;
  }
  if (depth >= MAX_DEPTH) throw invalidField(path, 'backupErrorFieldTooDeep');
  if (Array.isArray(value)) return value.map((item, i) => readJsonValue(item, `${path}[${i}]`, depth + 1));
  if (typeof value === 'object') {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (!isDangerousKey(key)) copy[key] = readJsonValue(item, memberPath(path, key), depth + 1);
    }
    return copy;
  }
  throw invalidField(path, 'backupErrorFieldNotPlainData');
}
