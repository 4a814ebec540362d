import { describe, expect, it } from 'vitest';
import { readingOrder } from './reading-order';

interface P { id: string; part: number | null; published?: string }

const p = (id: string, part: number | null, published?: string): P => ({ id, part, ...(published ? { published } : {}) });

describe('readingOrder', () => {
  it.each<[string, P[], string[]]>([
    ['by part number', [p('c', 3, '2024-01-01'), p('a', 1, '2024-03-01'), p('b', 2, '2024-02-01')], ['a', 'b', 'c']],
    ['ties by date', [p('late', 2, '2024-05-01'), p('early', 2, '2024-04-01'), p('one', 1, '2024-01-01')], ['one', 'early', 'late']],
    ['unnumbered only: by date', [p('b', null, '2024-02-01'), p('a', null, '2024-01-01')], ['a', 'b']],
    ['unnumbered intro before the parts published after it', [p('p1', 1, '2024-02-01'), p('intro', null, '2024-01-01'), p('p2', 2, '2024-03-01')], ['intro', 'p1', 'p2']],
    ['unnumbered epilogue after the parts', [p('epi', null, '2024-09-01'), p('p2', 2, '2024-03-01'), p('p1', 1, '2024-02-01')], ['p1', 'p2', 'epi']],
    ['undated posts last, in input order', [p('x', null), p('y', null), p('a', 1, '2024-01-01')], ['a', 'x', 'y']],
    ['part 0 before part 1', [p('one', 1), p('zero', 0)], ['zero', 'one']],
    ['empty', [], []],
  ])('%s', (_name, posts, expected) => {
    expect(readingOrder(posts).map((x) => x.id)).toEqual(expected);
  });

  it.each([[[p('b', 2), p('a', 1)]]])('returns a new array and keeps the input', (posts) => {
    const before = posts.map((x) => x.id);
    expect(readingOrder(posts)).not.toBe(posts);
    expect(posts.map((x) => x.id)).toEqual(before);
  });
});
