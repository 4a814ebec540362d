import { describe, expect, it } from 'vitest';
import type { SeriesAssignment } from './assign';
import { applySeriesOverrides, type SeriesOverride } from './overrides';

const A = { key: 'rust-atomic', name: 'Rust Atomics' };
const B = { key: 'rust-lock', name: 'Rust Locks' };

const detected: SeriesAssignment[] = [
  { id: 'a1', series: A, part: 1 },
  { id: 'a2', series: A, part: 2 },
  { id: 'b1', series: B, part: 1 },
  { id: 'x', series: null, part: null },
];

/** Compact view: id → [key, name, part] or null. */
function view(out: SeriesAssignment[]): Record<string, [string, string, number | null] | null> {
  return Object.fromEntries(out.map((a) => [a.id, a.series ? [a.series.key, a.series.name, a.part] : null]));
}

describe('applySeriesOverrides', () => {
  it.each<[string, SeriesOverride[], ReturnType<typeof view>]>([
    ['no overrides keeps detection', [], { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Rust Locks', 1], x: null }],
    [
      'rename changes the name, not the key',
      [{ kind: 'rename', seriesKey: 'rust-atomic', name: 'Atomics in Rust' }],
      { a1: ['rust-atomic', 'Atomics in Rust', 1], a2: ['rust-atomic', 'Atomics in Rust', 2], b1: ['rust-lock', 'Rust Locks', 1], x: null },
    ],
    [
      'move into a series takes its current name and keeps the part unless given',
      [{ kind: 'move', postId: 'x', seriesKey: 'rust-lock', part: 2 }, { kind: 'move', postId: 'a2', seriesKey: 'rust-lock' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-lock', 'Rust Locks', 2], b1: ['rust-lock', 'Rust Locks', 1], x: ['rust-lock', 'Rust Locks', 2] },
    ],
    [
      'move into a new key takes its name from a rename, even a later one',
      [{ kind: 'move', postId: 'x', seriesKey: 'my-notes', part: null }, { kind: 'rename', seriesKey: 'my-notes', name: 'My Notes' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Rust Locks', 1], x: ['my-notes', 'My Notes', null] },
    ],
    [
      'move into an unknown key without rename is named by the key',
      [{ kind: 'move', postId: 'x', seriesKey: 'misc' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Rust Locks', 1], x: ['misc', 'misc', null] },
    ],
    [
      'move out of any series',
      [{ kind: 'move', postId: 'a1', seriesKey: null }],
      { a1: null, a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Rust Locks', 1], x: null },
    ],
    [
      'merge moves every post with its part and takes the target name',
      [{ kind: 'merge', fromKey: 'rust-lock', intoKey: 'rust-atomic' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-atomic', 'Rust Atomics', 1], x: null },
    ],
    [
      'merge into an empty key keeps the name unless renamed',
      [{ kind: 'merge', fromKey: 'rust-lock', intoKey: 'locking' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['locking', 'Rust Locks', 1], x: null },
    ],
    [
      'not-series dissolves the group',
      [{ kind: 'not-series', seriesKey: 'rust-atomic' }],
      { a1: null, a2: null, b1: ['rust-lock', 'Rust Locks', 1], x: null },
    ],
    [
      'later overrides win: a move after not-series brings a post back',
      [{ kind: 'not-series', seriesKey: 'rust-atomic' }, { kind: 'move', postId: 'a1', seriesKey: 'rust-atomic', part: 1 }, { kind: 'rename', seriesKey: 'rust-atomic', name: 'Kept' }],
      { a1: ['rust-atomic', 'Kept', 1], a2: null, b1: ['rust-lock', 'Rust Locks', 1], x: null },
    ],
    [
      'later overrides win: renaming twice keeps the last name',
      [{ kind: 'rename', seriesKey: 'rust-lock', name: 'One' }, { kind: 'rename', seriesKey: 'rust-lock', name: 'Two' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Two', 1], x: null },
    ],
    [
      'stale overrides (unknown post, unknown key, self-merge) are no-ops',
      [{ kind: 'move', postId: 'gone', seriesKey: 'rust-lock' }, { kind: 'not-series', seriesKey: 'nothing' }, { kind: 'merge', fromKey: 'rust-lock', intoKey: 'rust-lock' }],
      { a1: ['rust-atomic', 'Rust Atomics', 1], a2: ['rust-atomic', 'Rust Atomics', 2], b1: ['rust-lock', 'Rust Locks', 1], x: null },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(view(applySeriesOverrides(detected, overrides))).toEqual(expected);
  });

  it.each([[[{ kind: 'rename', seriesKey: 'rust-atomic', name: 'Changed' }] as SeriesOverride[]]])('does not mutate its input', (overrides) => {
    const copy = structuredClone(detected);
    applySeriesOverrides(detected, overrides);
    expect(detected).toEqual(copy);
  });

  it.each([[[{ kind: 'merge', fromKey: 'a', intoKey: 'b' }, { kind: 'move', postId: 'p', seriesKey: null, part: null }] as SeriesOverride[]]])(
    'overrides survive a JSON round trip (storable in Dexie)',
    (overrides) => {
      expect(JSON.parse(JSON.stringify(overrides))).toEqual(overrides);
    },
  );
});
