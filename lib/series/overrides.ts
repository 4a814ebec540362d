/**
 * User overrides of series detection, stored with the library and re-applied after every `assignSeries`.
 *
 * Overrides are plain serialisable data applied in list order, each to the result of the ones before it, so a
 * later override wins over an earlier one and every override wins over detection:
 * - rename:     every post now in `seriesKey` shows `name` (the key does not change, so later overrides still find it).
 * - move:       the post joins `seriesKey` (or leaves any series when null); `part` replaces its part number when
 *               given, otherwise it keeps its detected number. The series' name is the one its posts already show,
 *               else the last rename of that key in the whole list, else the key itself.
 * - merge:      every post in `fromKey` joins `intoKey` and keeps its part; it takes `intoKey`'s current name
 *               (or a rename of it), else keeps the name it had.
 * - not-series: every post now in `seriesKey` leaves it (series and part null). Posts detected into the key on a
 *               later refresh are dissolved again, because the override is re-applied.
 * Overrides naming unknown posts or keys are no-ops, so stale overrides are harmless.
 */

import type { SeriesAssignment } from './assign';

/** One user correction of series detection. */
export type SeriesOverride =
  | { kind: 'rename'; seriesKey: string; name: string }
  | { kind: 'move'; postId: string; seriesKey: string | null; part?: number | null }
  | { kind: 'merge'; fromKey: string; intoKey: string }
  | { kind: 'not-series'; seriesKey: string };

/** Applies overrides in order to detected assignments; pure (returns new objects, inputs untouched). */
export function applySeriesOverrides(assignments: readonly SeriesAssignment[], overrides: readonly SeriesOverride[]): SeriesAssignment[] {
  const out = assignments.map((a) => ({ ...a, series: a.series && { ...a.series } }));
  const renames = lastRenames(overrides);
  for (const o of overrides) {
    switch (o.kind) {
      case 'rename':
        for (const a of out) if (a.series?.key === o.seriesKey) a.series.name = o.name;
        break;
      case 'move':
        applyMove(out, o, renames);
        break;
      case 'merge':
        applyMerge(out, o, renames);
        break;
      case 'not-series':
        for (const a of out) {
          if (a.series?.key !== o.seriesKey) continue;
          a.series = null;
          a.part = null;
        }
        break;
    }
  }
  return out;
}

function lastRenames(overrides: readonly SeriesOverride[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const o of overrides) if (o.kind === 'rename') names.set(o.seriesKey, o.name);
  return names;
}

function currentName(out: readonly SeriesAssignment[], key: string): string | undefined {
  for (const a of out) if (a.series?.key === key) return a.series.name;
  return undefined;
}

function applyMove(out: SeriesAssignment[], o: Extract<SeriesOverride, { kind: 'move' }>, renames: ReadonlyMap<string, string>): void {
  const post = out.find((a) => a.id === o.postId);
  if (!post) return;
  if (o.seriesKey === null) {
    post.series = null;
    post.part = null;
    return;
  }
  const name = currentName(out, o.seriesKey) ?? renames.get(o.seriesKey) ?? o.seriesKey;
  post.series = { key: o.seriesKey, name };
  if (o.part !== undefined) post.part = o.part;
}

function applyMerge(out: SeriesAssignment[], o: Extract<SeriesOverride, { kind: 'merge' }>, renames: ReadonlyMap<string, string>): void {
  if (o.fromKey === o.intoKey) return;
  const name = currentName(out, o.intoKey) ?? renames.get(o.intoKey);
  for (const a of out) {
    if (a.series?.key !== o.fromKey) continue;
    a.series = { key: o.intoKey, name: name ?? a.series.name };
  }
}
