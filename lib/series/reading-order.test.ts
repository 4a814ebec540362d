import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared-corpus';
import { compareReadingOrder, inReadingOrder, type ReadingOrderPost } from './reading-order';

const p = (id: number, part: number | undefined, sortAt: number): ReadingOrderPost => ({ id, sortAt, ...(part === undefined ? {} : { part }) });

describe('reading order', () => {
  it.each<[string, ReadingOrderPost[], number[]]>([
    ['by part number, whatever the dates', [p(3, 3, 100), p(1, 1, 300), p(2, 2, 200)], [1, 2, 3]],
    ['equal parts by date', [p(2, 2, 500), p(1, 2, 400), p(9, 1, 100)], [9, 1, 2]],
    ['unnumbered posts after the parts, oldest first', [p(5, undefined, 20), p(4, undefined, 10), p(1, 1, 900)], [1, 4, 5]],
    ['part 0 before part 1', [p(1, 1, 0), p(2, 0, 0)], [2, 1]],
    ['full ties by id', [p(8, 1, 0), p(7, 1, 0)], [7, 8]],
    ['nothing', [], []],
  ])('%s', (_name, posts, expected) => {
    expect(inReadingOrder(posts).map((post) => post.id)).toEqual(expected);
  });

  it('is a consistent comparator (antisymmetric, zero only for the same post)', () => {
    const posts = [p(1, 1, 5), p(2, undefined, 5), p(3, undefined, 5), p(4, 1, 5), p(5, 2, 1)];
    for (const a of posts) for (const b of posts) {
      expect(Math.sign(compareReadingOrder(a, b)) + Math.sign(compareReadingOrder(b, a))).toBe(0);
      expect(compareReadingOrder(a, b) === 0).toBe(a === b);
    }
  });

  it('returns a new array and leaves its input alone', () => {
    const posts = [p(2, 2, 0), p(1, 1, 0)];
    expect(inReadingOrder(posts)).not.toBe(posts);
    expect(posts.map((post) => post.id)).toEqual([2, 1]);
  });

  it('has one definition: no other module sorts posts by part itself', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints']) walk(join(repoRoot, dir));
    const own = join(repoRoot, 'lib/series/reading-order.ts');
    const others = files.filter((file) => file !== own && /\.part \?\? Number\.POSITIVE_INFINITY/.test(readFileSync(file, 'utf8')));
    expect(others.map((file) => relative(repoRoot, file))).toEqual([]);
  });
});
