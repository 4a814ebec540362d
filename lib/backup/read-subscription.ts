import { invalidField } from './backup-error.ts';
import { BACKUP_LIMITS } from './backup-limits.ts';
import type { BackupReadMark, BackupSeriesOverride, BackupSubscription } from './backup-types.ts';
import { field, requireArray, requireBoolean, requireInteger, requireIsoDate, requireObject, requireString, requireWebUrl } from './json-fields.ts';
import { readJsonValue } from './read-json-value.ts';

/** Validates one subscription and copies its known fields into a fresh object. */
export function readSubscription(value: unknown, path: string): BackupSubscription {
  const raw = requireObject(value, path);
  const siteUrl = optional(field(raw, 'siteUrl'), (v) => requireWebUrl(v, `${path}.siteUrl`));
  const customTitle = optional(field(raw, 'customTitle'), (v) => requireString(v, `${path}.customTitle`, { max: BACKUP_LIMITS.titleLength }));
  // Any whole number of minutes is kept as written: restoring brings it within the one bound of the setting.
  const refreshMinutes = optional(field(raw, 'refreshMinutes'), (v) => requireInteger(v, `${path}.refreshMinutes`, 1, Number.MAX_SAFE_INTEGER));
  const listing = optional(field(raw, 'listing'), (v) => readListing(v, `${path}.listing`));
  // Built in the documented field order so serialised backups diff cleanly.
  return {
    feedUrl: requireWebUrl(field(raw, 'feedUrl'), `${path}.feedUrl`),
    ...(siteUrl === undefined ? {} : { siteUrl }),
    title: requireString(field(raw, 'title'), `${path}.title`, { max: BACKUP_LIMITS.titleLength }),
    ...(customTitle === undefined ? {} : { customTitle }),
    tags: readTags(field(raw, 'tags'), `${path}.tags`),
    ...(refreshMinutes === undefined ? {} : { refreshMinutes }),
    notify: requireBoolean(field(raw, 'notify'), `${path}.notify`),
    markOnVisit: requireBoolean(field(raw, 'markOnVisit'), `${path}.markOnVisit`),
    createdAt: requireIsoDate(field(raw, 'createdAt'), `${path}.createdAt`),
    read: requireArray(field(raw, 'read'), `${path}.read`, BACKUP_LIMITS.readMarksPerSubscription).map((mark, i) => readMark(mark, `${path}.read[${i}]`)),
    seriesOverrides: requireArray(field(raw, 'seriesOverrides'), `${path}.seriesOverrides`, BACKUP_LIMITS.seriesOverridesPerSubscription).map((item, i) =>
      readSeriesOverride(item, `${path}.seriesOverrides[${i}]`),
    ),
    ...(listing === undefined ? {} : { listing }),
  };
}

/** A followed page's list: an object with an optional key naming the list on the page. */
function readListing(value: unknown, path: string): { key?: string } {
  const raw = requireObject(value, path);
  const key = optional(field(raw, 'key'), (v) => requireString(v, `${path}.key`, { min: 1, max: BACKUP_LIMITS.listingKeyLength }));
  return key === undefined ? {} : { key };
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

function readTags(value: unknown, path: string): string[] {
  return requireArray(value, path, BACKUP_LIMITS.tagsPerSubscription).map((tag, i) =>
    requireString(tag, `${path}[${i}]`, { min: 1, max: BACKUP_LIMITS.tagLength }),
  );
}

function readMark(value: unknown, path: string): BackupReadMark {
  const raw = requireObject(value, path);
  const postId = requireString(field(raw, 'postId'), `${path}.postId`, { min: 1, max: BACKUP_LIMITS.postIdLength });
  const url = optional(field(raw, 'url'), (v) => requireWebUrl(v, `${path}.url`));
  const title = optional(field(raw, 'title'), (v) => requireString(v, `${path}.title`, { max: BACKUP_LIMITS.titleLength }));
  const readAt = requireIsoDate(field(raw, 'readAt'), `${path}.readAt`);
  return { postId, ...(url === undefined ? {} : { url }), ...(title === undefined ? {} : { title }), readAt };
}

function readSeriesOverride(value: unknown, path: string): BackupSeriesOverride {
  const raw = requireObject(value, path);
  const kind = requireString(field(raw, 'kind'), `${path}.kind`, { min: 1, max: BACKUP_LIMITS.kindLength });
  const copy = readJsonValue(raw, path);
  // readJsonValue of an object is an object; the check keeps the types honest.
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) throw invalidField(path, 'backupErrorFieldNotObject');
  return { ...copy, kind };
}
