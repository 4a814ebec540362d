import { describe, expect, it } from 'vitest';
import { mergeReadMarks, type ReadMarkLike } from './merge-read-marks.ts';

describe('mergeReadMarks', () => {
  const cases: [string, ReadMarkLike[], ReadMarkLike[], ReadMarkLike[]][] = [
    ['both empty', [], [], []],
    ['only existing', [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }], [], [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }]],
    ['only incoming', [], [{ postId: 'b', readAt: '2026-01-01T00:00:00Z' }], [{ postId: 'b', readAt: '2026-01-01T00:00:00Z' }]],
    [
      'disjoint sets are unioned, existing first',
      [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'b', readAt: '2026-01-02T00:00:00Z' }],
      [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }, { postId: 'b', readAt: '2026-01-02T00:00:00Z' }],
    ],
    [
      'earlier incoming wins',
      [{ postId: 'a', url: 'https://x.example/a', readAt: '2026-01-05T00:00:00Z' }],
      [{ postId: 'a', url: 'https://x.example/a?v=2', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'a', url: 'https://x.example/a?v=2', readAt: '2026-01-01T00:00:00Z' }],
    ],
    [
      'earlier existing wins',
      [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'a', readAt: '2026-01-05T00:00:00Z' }],
      [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }],
    ],
    [
      'time zones compared as instants',
      [{ postId: 'a', readAt: '2026-01-01T10:00:00+02:00' }],
      [{ postId: 'a', readAt: '2026-01-01T09:00:00Z' }],
      [{ postId: 'a', readAt: '2026-01-01T10:00:00+02:00' }],
    ],
    [
      'tie keeps existing',
      [{ postId: 'a', url: 'https://old.example/', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'a', url: 'https://new.example/', readAt: '2026-01-01T00:00:00.000Z' }],
      [{ postId: 'a', url: 'https://old.example/', readAt: '2026-01-01T00:00:00Z' }],
    ],
    [
      'missing url filled from the other mark',
      [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'a', url: 'https://x.example/a', readAt: '2026-02-01T00:00:00Z' }],
      [{ postId: 'a', url: 'https://x.example/a', readAt: '2026-01-01T00:00:00Z' }],
    ],
    [
      'missing title filled from the other mark',
      [{ postId: 'a', url: 'https://x.example/a', readAt: '2026-01-01T00:00:00Z' }],
      [{ postId: 'a', title: 'Part 2', readAt: '2026-02-01T00:00:00Z' }],
      [{ postId: 'a', url: 'https://x.example/a', title: 'Part 2', readAt: '2026-01-01T00:00:00Z' }],
    ],
    [
      'duplicates inside one side collapse',
      [{ postId: 'a', readAt: '2026-01-03T00:00:00Z' }, { postId: 'a', readAt: '2026-01-02T00:00:00Z' }],
      [],
      [{ postId: 'a', readAt: '2026-01-02T00:00:00Z' }],
    ],
    [
      'unreadable date never beats a real one',
      [{ postId: 'a', readAt: 'garbage' }],
      [{ postId: 'a', readAt: '2030-01-01T00:00:00Z' }],
      [{ postId: 'a', readAt: '2030-01-01T00:00:00Z' }],
    ],
  ];

  it.each(cases)('%s', (_why, existing, incoming, expected) => {
    expect(mergeReadMarks(existing, incoming)).toEqual(expected);
  });

  it('does not modify its inputs', () => {
    const existing = [{ postId: 'a', readAt: '2026-01-01T00:00:00Z' }];
    const incoming = [{ postId: 'a', url: 'https://x.example/a', readAt: '2026-02-01T00:00:00Z' }];
    const snapshot = JSON.stringify([existing, incoming]);
    mergeReadMarks(existing, incoming);
    expect(JSON.stringify([existing, incoming])).toBe(snapshot);
  });

  it('keeps extra fields of the caller type', () => {
    const merged = mergeReadMarks([{ postId: 'a', readAt: '2026-01-01T00:00:00Z', feedId: 7 }], [{ postId: 'b', readAt: '2026-01-01T00:00:00Z', feedId: 8 }]);
    expect(merged.map((m) => m.feedId)).toEqual([7, 8]);
  });
});
