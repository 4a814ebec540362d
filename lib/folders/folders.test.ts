import { describe, expect, it } from 'vitest';
import type { Subscription } from '../db';
import { folderName, foldersOf, folderTags, renamedFolderTags } from './folders';

function sub(id: number, title: string, tags: string[] = [], patch: Partial<Subscription> = {}): Subscription {
  return { id, feedUrl: `https://b${id}.test/feed`, title, tags, nextCheckAt: 0, status: 'ok', errorStreak: 0, notify: true, markOnVisit: true, createdAt: 0, ...patch };
}

describe('folderTags and folderName', () => {
  it.each<[string | null, string[]]>([
    ['Python', ['Python']],
    [' Tech /  Python ', ['Tech', 'Python']],
    ['', []],
    [null, []],
    [' / ', []],
  ])('%s → %j', (name, tags) => {
    expect(folderTags(name)).toEqual(tags);
    expect(folderTags(folderName(tags))).toEqual(tags);
  });
});

describe('foldersOf', () => {
  const subs = [
    sub(1, 'Blog 10', ['Tech']),
    sub(2, 'Blog 2', ['Tech']),
    sub(3, 'blog 1', ['Tech']),
    sub(4, 'Loose feed'),
    sub(5, 'Écrits', ['Arts']),
    sub(6, 'Renamed', ['Tech', 'Python'], { customTitle: 'A custom title' }),
  ];

  it('groups by folder in natural order, feeds in no folder last', () => {
    expect(foldersOf(subs).map((f) => [f.name, f.subscriptions.map((s) => s.customTitle ?? s.title)])).toEqual([
      ['Arts', ['Écrits']],
      ['Tech', ['blog 1', 'Blog 2', 'Blog 10']],
      ['Tech / Python', ['A custom title']],
      ['', ['Loose feed']],
    ]);
  });

  it.each([
    ['blog 1', [['Tech', ['blog 1', 'Blog 10']]]],
    ['PYTHON', [['Tech / Python', ['A custom title']]]],
    ['b4.test', [['', ['Loose feed']]]],
    ['nothing matches', []],
  ])('filters by %s', (filter, expected) => {
    expect(foldersOf(subs, filter).map((f) => [f.name, f.subscriptions.map((s) => s.customTitle ?? s.title)])).toEqual(expected);
  });
});

describe('renamedFolderTags', () => {
  it.each<[string[], string, string, string[] | undefined]>([
    [['Rust'], 'Rust', 'Systems', ['Systems']],
    [['Rust', 'Async'], 'Rust', 'Systems', ['Systems', 'Async']],
    [['Tech', 'Python'], 'Tech / Python', 'Python', ['Python']],
    [['Rusty'], 'Rust', 'Systems', undefined],
    [[], 'Rust', 'Systems', undefined],
    [['Rust'], '', 'Systems', undefined],
  ])('%j renamed from %s to %s → %j', (tags, from, to, expected) => {
    expect(renamedFolderTags(tags, from, to)).toEqual(expected);
  });
});
