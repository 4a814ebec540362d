import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/shared-corpus';
import { assignSeries, type SeriesInput } from './assign';
import { TITLE_TABLE } from './titles.table';

interface Post { title: string; url?: string; categories?: string[]; published?: string }

/** Runs the engine on titles and returns `[name | null, part]` per post, in input order. */
function run(posts: (string | Post)[]): [string | null, number | null][] {
  const inputs: SeriesInput[] = posts.map((p, i) => ({ id: `p${i}`, ...(typeof p === 'string' ? { title: p } : p) }));
  return assignSeries(inputs).map((a) => [a.series?.name ?? null, a.part]);
}

describe('assignSeries scenarios', () => {
  it.each<[string, (string | Post)[], [string | null, number | null][]]>([
    [
      'two series sharing a prefix stay apart; the renamed #1 is left out',
      [
        'Modern Python in Practice #2: Request Validation',
        'Modern Python in Practice #3: Persistence Layer',
        'Modern Python FastAPI #1 Project Skeleton',
        'Modern Python Advanced #2: Slots',
        'Modern Python Advanced #3: Import Hooks',
      ],
      [['Modern Python in Practice', 2], ['Modern Python in Practice', 3], [null, null], ['Modern Python Advanced', 2], ['Modern Python Advanced', 3]],
    ],
    [
      'a run missing its #1 adopts a lone #1 sharing its leading words, published before its #2',
      [
        { title: 'Modern Python in Practice #3: Persistence', published: '2025-03-01T00:00:00Z' },
        { title: 'Modern Python in Practice #2: Validation', published: '2025-02-01T00:00:00Z' },
        { title: 'Modern Python FastAPI #1 Project Skeleton', published: '2025-01-15T00:00:00Z' },
        { title: 'Modern Python Advanced #3: Import Hooks', published: '2024-12-01T00:00:00Z' },
        { title: 'Modern Python Advanced #2: Slots', published: '2024-11-01T00:00:00Z' },
      ],
      [['Modern Python in Practice', 3], ['Modern Python in Practice', 2], ['Modern Python in Practice', 1], ['Modern Python Advanced', 3], ['Modern Python Advanced', 2]],
    ],
    [
      'a lone #1 published after a run\'s later parts, or sharing one word, is not adopted',
      [
        { title: 'Modern Python Advanced #2: Slots', published: '2024-11-01T00:00:00Z' },
        { title: 'Modern Python Advanced #3: Import Hooks', published: '2024-12-01T00:00:00Z' },
        { title: 'Modern Python FastAPI #1 Project Skeleton', published: '2025-01-15T00:00:00Z' },
        { title: 'Rust Atomics #2: Ordering', published: '2025-02-01T00:00:00Z' },
        { title: 'Rust Atomics #3: Fences', published: '2025-03-01T00:00:00Z' },
        { title: 'Rust Macros #1: Basics', published: '2025-01-01T00:00:00Z' },
      ],
      [['Modern Python Advanced', 2], ['Modern Python Advanced', 3], [null, null], ['Rust Atomics', 2], ['Rust Atomics', 3], [null, null]],
    ],
    [
      'a shared stem makes weak "Day N" markers a series',
      ['Composing a Fanfare: Day 1', 'Composing a Fanfare: Day 2', 'Notes on Reed Cases'],
      [['Composing a Fanfare', 1], ['Composing a Fanfare', 2], [null, null]],
    ],
    [
      'the name is matched loosely and shown as written most often',
      ['Rust Atomics, Part 1', 'rust atomics – part 2: Ordering', 'Rust Atomics — Part 3'],
      [['Rust Atomics', 1], ['Rust Atomics', 2], ['Rust Atomics', 3]],
    ],
    [
      'a lone explicit part opens a series of one; a lone weak marker does not',
      ['Self-hosting Mail, Part 1', 'Bash One-Liners #5', 'Garden Notes Vol. 2'],
      [['Self-hosting Mail', 1], [null, null], [null, null]],
    ],
    [
      'URL slugs carry the series when titles do not',
      [
        { title: 'Introduction', url: 'https://example.dev/grpc-course-part-1-introduction/' },
        { title: 'The basics', url: 'https://example.dev/grpc-course-part-2-the-basics/' },
        { title: 'Unrelated post', url: 'https://example.dev/unrelated-post/' },
      ],
      [['Grpc course', 1], ['Grpc course', 2], [null, null]],
    ],
    [
      'two "Part N:" series are told apart by their slugs',
      [
        { title: 'Part 1: Overview and Setup', url: 'https://dev.to/a/event-bus-part1' },
        { title: 'Part 1: Why Queues', url: 'https://dev.to/a/queue-workers-part1' },
        { title: 'Part 2: The Publisher', url: 'https://dev.to/a/event-bus-part2' },
        { title: 'Part 2: Retries', url: 'https://dev.to/a/queue-workers-part2' },
      ],
      [['Event bus', 1], ['Queue workers', 1], ['Event bus', 2], ['Queue workers', 2]],
    ],
    [
      'prefix-numbered parts without names form one series when their numbers are distinct',
      ['Part 1: The Cheap Flat', 'Part 2: The Landlord Calls', 'Part 3: Moving Out'],
      [['Parts', 1], ['Parts', 2], ['Parts', 3]],
    ],
    [
      'numbered podcast episodes are not a series by number alone',
      ['Episode 1: A Talk with Ana', 'Episode 2: Kernel Bugs with Ben', 'Ep 3: On Type Systems'],
      [[null, null], [null, null], [null, null]],
    ],
    [
      'a category naming a series gathers unnumbered posts',
      [
        { title: 'Why I Wrote My Own Allocator', categories: ['Allocator Series', 'rust'] },
        { title: 'Arenas and Bump Pointers', categories: ['Allocator Series'] },
        { title: 'Tokio Tips', categories: ['rust'] },
      ],
      [['Allocator Series', null], ['Allocator Series', null], [null, null]],
    ],
    [
      'a category repeating a marked title stem pulls in its unnumbered intro',
      [
        { title: 'Why Memory Matters', categories: ['Python Memory'] },
        { title: 'Python Memory, Part 1: Arenas', categories: ['Python Memory'] },
        { title: 'Python Memory, Part 2: Generations', categories: ['Python Memory'] },
      ],
      [['Python Memory', null], ['Python Memory', 1], ['Python Memory', 2]],
    ],
    [
      'a tag spelled as a slug is shown as the titles spell it',
      [
        { title: 'CMS Briefing: Episode 27: Is a Headless CMS for Me?', categories: ['cms-briefing'] },
        { title: 'CMS Briefing: Episode 28: Meetups Are Back', categories: ['cms-briefing'] },
        { title: 'Thank you, contributors', categories: ['cms-briefing'] },
      ],
      [['CMS Briefing', 27], ['CMS Briefing', 28], ['CMS Briefing', null]],
    ],
    [
      'episode codes group episodes whose titles differ',
      ['S001 - Weekly Dev Stream #1', 'S002 - Dev Roundup #2 Rust News', 'S003 - Speedrunning While Talking Code', 'S004 - Weekly Dev Stream #4'],
      [['Weekly Dev Stream', 1], ['Weekly Dev Stream', 2], ['Weekly Dev Stream', 3], ['Weekly Dev Stream', 4]],
    ],
    [
      'leading numbers need a shared name',
      ['13 - Stories from Production - Surviving a DDoS', '18 - Stories from Production - The Lost Backup', '1 - Why Architecture Matters', '2 - Budgets in the Cloud'],
      [['Stories from Production', 13], ['Stories from Production', 18], [null, null], [null, null]],
    ],
    [
      'trailing numbers need a run of three after an instalment noun',
      ['Sourdough Notes 1', 'Sourdough Notes 2', 'Sourdough Notes 3', 'Sprint Notes 4', 'Sprint Notes 9'],
      [['Sourdough Notes', 1], ['Sourdough Notes', 2], ['Sourdough Notes', 3], [null, null], [null, null]],
    ],
    [
      'versions, years, rankings and roundups are never series',
      ['Go 1.21 is released', 'Go 1.22 is released', 'Announcing Rust 1.74', 'Announcing Rust 1.75', 'Weekly Roundup #1', 'Weekly Roundup #2', 'Links of the Week 3', 'Links of the Week 4', 'Links of the Week 5', 'Top 10 Tips', 'Top 5 Tips', 'Daily Log (2025)', 'Daily Log (2026)'],
      Array.from({ length: 13 }, () => [null, null] as [null, null]),
    ],
    [
      'duplicated slugs "part1" of two different prefixes do not merge',
      [
        { title: 'Part 1: Setup', url: 'https://x.dev/rust-wasm-part1' },
        { title: 'Part 1: Setup', url: 'https://x.dev/go-wasm-part1' },
      ],
      [['Rust wasm', 1], ['Go wasm', 1]],
    ],
    [
      'a broad tag that equals a series stem does not swallow the feed',
      [
        { title: 'Python, Part 1: Setup', categories: ['Python'] },
        { title: 'Python, Part 2: Tooling', categories: ['Python'] },
        { title: 'Why I like dataclasses', categories: ['Python'] },
        { title: 'Typing tricks', categories: ['Python'] },
        { title: 'Packaging in 2024', categories: ['Python'] },
      ],
      [['Python', 1], ['Python', 2], [null, null], [null, null], [null, null]],
    ],
    [
      'a generic "Series" tag names no series',
      [
        { title: 'Rust Atomics, Part 1', categories: ['Series'] },
        { title: 'Vim Motions, Part 1', categories: ['Series'] },
      ],
      [['Rust Atomics', 1], ['Vim Motions', 1]],
    ],
    [
      '"Part N:" posts published out of order are not one series',
      [
        { title: 'Part 2: Widgets', published: '2024-01-01T00:00:00Z' },
        { title: 'Part 1: Gadgets', published: '2024-02-01T00:00:00Z' },
      ],
      [['Widgets', 2], ['Gadgets', 1]],
    ],
    [
      'issue references and quarters are not part numbers',
      ['Fixing issue #42 in the parser', 'Fixing issue #43 in the parser', 'Q1 - Results', 'Q2 - Results', 'Chapter 11 bankruptcy explained'],
      [[null, null], [null, null], [null, null], [null, null], [null, null]],
    ],
  ])('%s', (_name, posts, expected) => {
    expect(run(posts)).toEqual(expected);
  });
});

describe('assignSeries on the title table', () => {
  const strong = TITLE_TABLE.filter((c) => c.name !== null && c.weak !== true);
  const negatives = TITLE_TABLE.filter((c) => c.name === null);
  const weak = TITLE_TABLE.filter((c) => c.weak === true);

  it.each(strong.map((c) => [c.title, c] as const))('lone strong title %s is a series of one', (_t, c) => {
    expect(run([c.title])).toEqual([[c.name, c.part]]);
  });

  it.each(weak.map((c) => [c.title, c] as const))('lone weak title %s is no series', (_t, c) => {
    expect(run([c.title])).toEqual([[null, null]]);
  });

  it('all negatives in one feed stay out of series', () => {
    expect(run(negatives.map((c) => c.title)).filter(([name]) => name !== null)).toEqual([]);
  });
});

describe('assignSeries properties', () => {
  const feed: SeriesInput[] = [
    'Kubernetes the Hard Way — Part 1: Setup',
    'Kubernetes the Hard Way — Part 2: Networking',
    'Composing a Fanfare: Day 1',
    'Composing a Fanfare: Day 2',
    'Notes on IPv6',
  ].map((title, i) => ({ id: `id${i}`, title, published: `2024-0${i + 1}-01T00:00:00Z` }));

  it.each([
    ['reversed', [...feed].reverse()],
    ['with new posts', [...feed, { id: 'new', title: 'Kubernetes the Hard Way — Part 3: Storage' }, { id: 'new2', title: 'Composing a Fanfare: Day 3' }]],
  ])('keys and parts are stable when the feed is %s', (_name, other) => {
    const before = new Map(assignSeries(feed).map((a) => [a.id, a]));
    for (const a of assignSeries(other)) {
      const b = before.get(a.id);
      if (b) expect(a).toEqual(b);
    }
  });

  // Speed is measured by `npm run bench series`, never asserted here: a unit test checks results only.
  it.each([10_000])('assigns every one of %i posts', (n) => {
    const posts: SeriesInput[] = Array.from({ length: n }, (_, i) => ({
      id: String(i),
      title: i % 3 === 0 ? `Series ${i % 97} – Part ${i % 7}: Topic ${i}` : `Standalone post number ${i} about things`,
      url: `https://blog.example/${i}/post-${i % 13}`,
    }));
    const out = assignSeries(posts);
    expect(out).toHaveLength(n);
    expect(new Set(out.map((a) => a.id)).size).toBe(n);
  });
});

describe.skipIf(!hasShared)('assignSeries on the seeds', () => {
  it('seed 001: two Modern Python series; the renamed #1 opens "Modern Python in Practice"', () => {
    const text = readFileSync(sharedPath('seeds', '001_a1133c85f478321f.txt'), 'utf8');
    const titles = [...new Set(text.split('\n').map((l) => l.trim()).filter((l) => /^Modern Python .*#\d/.test(l)))];
    // The listing is newest first: date each post by its place in it.
    const posts = titles.map((title, i) => ({ title, published: new Date(Date.UTC(2025, 0, 30 - i)).toISOString() }));
    const byName = new Map<string | null, number[]>();
    for (const [name, part] of run(posts)) byName.set(name, [...(byName.get(name) ?? []), part ?? -1]);
    const sorted = new Map([...byName].map(([k, v]) => [k, v.sort((a, b) => a - b)]));
    expect(sorted).toEqual(
      new Map<string | null, number[]>([
        ['Modern Python in Practice', [1, 2, 3, 4, 5, 6]],
        ['Modern Python Advanced', [2, 3, 4, 5, 6, 7]],
      ]),
    );
  });

  it('seed 000: the FastAPI engineer series has parts 1 to 4', () => {
    const text = readFileSync(sharedPath('seeds', '000_841c48047d1fc8f6.txt'), 'utf8');
    const titles = [...text.matchAll(/\[([^\]]+)\]\(((?:old-)?blogs\/[^)]+)\)/g)].map((m) => ({ title: m[1] ?? '', url: m[2] ?? '' }));
    const parts = run(titles).filter(([name]) => name === 'From Passive FastAPI Developer to Real FastAPI Engineer').map(([, p]) => p);
    expect(parts).toEqual([1, 2, 3, 4]);
    expect(run(titles).filter(([name]) => name !== null && name !== 'From Passive FastAPI Developer to Real FastAPI Engineer')).toEqual([]);
  });
});
