import { invalidField } from './backup-error.ts';
import { isIsoDateTime } from './iso-date.ts';

/** A JSON object as read from the file: only its own, non-dangerous keys are ever read. */
export type JsonObject = Record<string, unknown>;

// Keys that could reach an object's prototype if later code merged them with
// Object.assign or a naive deep merge; they are never read from or copied out of a backup.
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_URL_LENGTH = 8192;

/** True for keys that must be ignored wherever they appear. */
export function isDangerousKey(key: string): boolean {
  return DANGEROUS_KEYS.has(key);
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property of a parsed JSON object (never inherited, never a dangerous key). */
export function field(object: JsonObject, key: string): unknown {
  return !isDangerousKey(key) && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The value as an object, or an `invalid` error naming `path`. */
export function requireObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw invalidField(path, 'backupErrorFieldNotObject');
  return value;
}

/** The value as an array of at most `max` items. */
export function requireArray(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw invalidField(path, 'backupErrorFieldNotList');
  if (value.length > max) throw invalidField(path, 'backupErrorFieldTooMany', max.toLocaleString());
  return value;
}

/** The value as a string of `min`..`max` characters. */
export function requireString(value: unknown, path: string, limits: { min?: number; max: number }): string {
  if (typeof value !== 'string') throw invalidField(path, 'backupErrorFieldNotText');
  if (value.length < (limits.min ?? 0)) throw invalidField(path, 'backupErrorFieldEmpty');
  if (value.length > limits.max) throw invalidField(path, 'backupErrorFieldTooLong', limits.max.toLocaleString());
  return value;
}

/** The value as a boolean. */
export function requireBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw invalidField(path, 'backupErrorFieldNotBoolean');
  return value;
}

/** The value as an integer in `min`..`max`. */
export function requireInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidField(path, 'backupErrorFieldNotInteger');
  if (value < min || value > max) throw invalidField(path, 'backupErrorFieldOutOfRange', min, max);
  return value;
}

/** The value as an absolute http(s) URL, kept exactly as written. */
export function requireWebUrl(value: unknown, path: string): string {
  const text = requireString(value, path, { min: 1, max: MAX_URL_LENGTH });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidField(path, 'backupErrorFieldNotWebAddress');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw invalidField(path, 'backupErrorFieldNotWebAddress');
  }
  return text;
}

/** The value as an ISO 8601 date-time string. */
export function requireIsoDate(value: unknown, path: string): string {
  const text = requireString(value, path, { min: 1, max: 64 });
  if (!isIsoDateTime(text)) throw invalidField(path, 'backupErrorFieldNotDate');
  return text;
}

/** Path of an object member: `a.b`, or `a["odd key"]` when the key is not a plain name. */
export function memberPath(parent: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  const member = plain ? key : `[${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}]`;
  if (parent === '') return member;
  return plain ? `${parent}.${member}` : `${parent}${member}`;
}
