import { describe, expect, it } from 'vitest';
import type { Post } from '../db';
import { buildReadingGroups, seriesGroupKey, type GroupInput } from './build-groups';
import { partLabel } from './part-label';

let nextId = 1;
function post(title: string, patch: Partial<Post> = {}): Post {
  const id = nextId++;
  return { id, subscriptionId: 1, guid: `g${id}`, title, authors: [], categories: [], firstSeenAt: 0, sortAt: id * 1000, unread: 1, ...patch };
}

const practice = (part: number, unread: 0 | 1, sortAt: number) =>
  post(`Modern Python in Practice #${part}: Topic ${part}`, { seriesKey: 'modern python in practice', part, unread, sortAt });

function input(posts: Post[], patch: Partial<GroupInput> = {}): GroupInput {
  const seriesPosts = new Map<string, Post[]>();
  for (const p of posts) {
    if (p.seriesKey === undefined) continue;
    const key = seriesGroupKey(p.subscriptionId, p.seriesKey);
    seriesPosts.set(key, [...(seriesPosts.get(key) ?? []), p]);
  }
  return {
    posts: posts.filter((p) => p.unread === 1),
    seriesPosts,
    seriesNames: new Map([[seriesGroupKey(1, 'modern python in practice'), 'Modern Python in Practice']]),
    feedTitles: new Map([
      [1, 'Modern Python'],
      [2, 'Daily Backend'],
    ]),
    showRead: false,
    ...patch,
  };
}

describe('buildReadingGroups', () => {
  it('puts a series in reading order, marks the next unread part and counts progress', () => {
    const posts = [practice(5, 1, 50), practice(2, 0, 20), practice(3, 0, 30), practice(4, 1, 40), practice(6, 1, 60), practice(1, 0, 10)];
    const [group] = buildReadingGroups(input(posts));
    expect(group).toMatchObject({ kind: 'series', name: 'Modern Python in Practice', progress: { read: 3, total: 6 } });
    expect(group!.posts.map((p) => p.part)).toEqual([4, 5, 6]);
    expect(group!.posts.map((p) => p.isNext)).toEqual([true, false, false]);
    expect(group!.posts.map((p) => p.partLabel)).toEqual(['#4', '#5', '#6']);
  });

  it('shows read parts too when asked', () => {
    const posts = [practice(2, 1, 20), practice(1, 0, 10)];
    const [group] = buildReadingGroups(input(posts, { showRead: true, posts }));
    expect(group!.posts.map((p) => [p.part, p.unread, p.isNext])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
  });

  it('groups standalone posts by feed, newest first, after a new series (see order-groups.test.ts)', () => {
    const posts = [
      post('DNS Deep Dive (2026)', { subscriptionId: 2, sortAt: 100 }),
      post('High-Performance Caching (2026)', { subscriptionId: 2, sortAt: 300 }),
      practice(1, 1, 200),
    ];
    const groups = buildReadingGroups(input(posts));
    expect(groups.map((g) => [g.kind, g.name])).toEqual([
      ['series', 'Modern Python in Practice'],
      ['feed', 'Daily Backend'],
    ]);
    expect(groups[1]!.posts.map((p) => p.title)).toEqual(['High-Performance Caching (2026)', 'DNS Deep Dive (2026)']);
    expect(groups[1]!.progress).toBeUndefined();
  });

  it('orders unnumbered parts after numbered ones, by date', () => {
    const posts = [
      post('Epilogue', { seriesKey: 's', sortAt: 5 }),
      post('Part 2', { seriesKey: 's', part: 2, sortAt: 9 }),
      post('Part 1', { seriesKey: 's', part: 1, sortAt: 10 }),
      post('Appendix', { seriesKey: 's', sortAt: 1 }),
    ];
    const [group] = buildReadingGroups(input(posts));
    expect(group!.posts.map((p) => p.title)).toEqual(['Part 1', 'Part 2', 'Appendix', 'Epilogue']);
  });

  it('returns nothing for nothing', () => {
    expect(buildReadingGroups(input([]))).toEqual([]);
  });
});

describe('partLabel', () => {
  it.each<[string, number | undefined, string | undefined]>([
    ['Modern Python in Practice #3: Connecting a DB', 3, '#3'],
    ['Modern Python FastAPI #1 Getting Started', 1, '#1'],
    ['From Passive FastAPI Developer – Part 2: Raw ASGI', 2, 'Part 2'],
    ['Composing a Fanfare: Day 12', 12, 'Part 12'],
    ['Release #12 notes, part 1', 1, 'Part 1'],
    ['No part', undefined, undefined],
  ])('%s', (title, part, expected) => {
    expect(partLabel(title, part)).toBe(expected);
  });
});

describe('buildReadingGroups for search results', () => {
  it('lists only the matching parts of a series, in reading order, with the series progress', () => {
    const posts = [practice(1, 0, 10), practice(2, 1, 20), practice(3, 1, 30), practice(4, 1, 40)];
    const matches = [posts[3]!, posts[1]!];
    const [group] = buildReadingGroups({ ...input(posts), posts: matches, onlyListed: true });
    expect(group!.posts.map((p) => p.part)).toEqual([2, 4]);
    expect(group!.progress).toEqual({ read: 1, total: 4 });
  });
});
