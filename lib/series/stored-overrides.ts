import type { SeriesOverride } from './overrides';

/** An override as stored in the library: the user's correction and when it was made. */
export type StoredOverride = SeriesOverride & { at: number };

/** True for a stored value that has the shape of a series override (storage is untyped). */
export function isStoredOverride(value: unknown): value is StoredOverride {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.at !== 'number') return false;
  switch (record.kind) {
    case 'rename':
      return typeof record.seriesKey === 'string' && typeof record.name === 'string';
    case 'move':
      return typeof record.postId === 'string' && (typeof record.seriesKey === 'string' || record.seriesKey === null);
    case 'merge':
      return typeof record.fromKey === 'string' && typeof record.intoKey === 'string';
    case 'not-series':
      return typeof record.seriesKey === 'string';
    default:
      return false;
  }
}

/** All overrides of a subscription's series rows, oldest first, so later corrections win. */
export function orderedOverrides(rows: readonly { overrides: readonly unknown[] }[]): StoredOverride[] {
  return rows
    .flatMap((row) => row.overrides.filter(isStoredOverride))
    .sort((a, b) => a.at - b.at);
}

/** The series row an override is filed under (the series it is about). */
export function overrideHomeKey(override: SeriesOverride, currentKeyOfPost?: string): string | undefined {
  switch (override.kind) {
    case 'rename':
    case 'not-series':
      return override.seriesKey;
    case 'merge':
      return override.intoKey;
    case 'move':
      return override.seriesKey ?? currentKeyOfPost;
  }
}
