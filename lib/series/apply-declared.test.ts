import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeclaredSeries } from '../db/types';
import { readSeriesOutline } from '../pages/read-series-outline';
import { applySeriesOverrides } from './overrides';
import { assignSeries, type SeriesInput } from './assign';
import { applyDeclaredSeries, countDeclaredPosts } from './apply-declared';
import { declaredEntry, mergeDeclaration, mergeFeedDeclarations, outlineDeclarations } from './declarations';
import { titleMatchKey } from './title-match-key';

function posts(titles: string[]): SeriesInput[] {
  return titles.map((title, i) => ({ id: `p${i}`, title, published: new Date(Date.UTC(2024, 0, 1 + i)).toISOString() }));
}

function declared(name: string, entries: { url?: string; title?: string; position?: number }[], source: DeclaredSeries['source'] = 'series-page', ordered = true): DeclaredSeries {
  return { source, from: 'https://index.example/', name, ordered, entries: entries.map(declaredEntry) };
}

function apply(inputs: SeriesInput[], declarations: DeclaredSeries[]): [string, string | null, number | null][] {
  return applyDeclaredSeries(assignSeries(inputs), inputs, declarations).map((a, i) => [inputs[i]!.title, a.series?.name ?? null, a.part]);
}

describe('titleMatchKey', () => {
  it.each([
    ['Understanding FastAPI’s UploadFile', "Understanding FastAPI's UploadFile"],
    ['How to Write a README — A Guide', 'How to write a README - a guide'],
    ['Async Tasks in Python– Why', 'Async Tasks in Python - Why'],
    ['Do You Really Know About ASGI?', 'do you really know about asgi'],
    ['  Spaces   everywhere  ', 'Spaces everywhere.'],
    ['“Quoted” title', '"Quoted" title'],
  ])('"%s" matches "%s"', (a, b) => {
    expect(titleMatchKey(a)).toBe(titleMatchKey(b));
  });

  it.each([
    ['Part 1: Setup', 'Part 2: Setup'],
    ['Rust async', 'Rust asyncs'],
    ['Ownership in Rust', 'Ownership in Rust (2024)'],
  ])('"%s" does not match "%s"', (a, b) => {
    expect(titleMatchKey(a)).not.toBe(titleMatchKey(b));
  });
});

describe('applyDeclaredSeries', () => {
  it.each<[string, SeriesInput[], DeclaredSeries[], [string, string | null, number | null][]]>([
    [
      "the author's order wins over dates; an unmarked first post joins",
      posts(['Understanding Python Memory', 'Memory Allocation in Python', 'The Three Generations in Python’s GC', 'Standalone']),
      [declared('Memory Topics', [{ title: 'Understanding Python Memory' }, { title: "The Three Generations in Python's GC" }, { title: 'Memory Allocation in Python' }])],
      [
        ['Understanding Python Memory', 'Memory Topics', 1],
        ['Memory Allocation in Python', 'Memory Topics', 3],
        ['The Three Generations in Python’s GC', 'Memory Topics', 2],
        ['Standalone', null, null],
      ],
    ],
    [
      'a declared series takes over title-detected parts, renumbered by the list',
      posts(['Do You Really Know ASGI?', 'Engineer – Part 1: ASGI', 'Engineer – Part 2: Raw App']),
      [declared('Dives into ASGI', [{ title: 'Do You Really Know ASGI?' }, { title: 'Engineer – Part 1: ASGI' }, { title: 'Engineer – Part 2: Raw App' }])],
      [
        ['Do You Really Know ASGI?', 'Dives into ASGI', 1],
        ['Engineer – Part 1: ASGI', 'Dives into ASGI', 2],
        ['Engineer – Part 2: Raw App', 'Dives into ASGI', 3],
      ],
    ],
    [
      'matching by normalized URL first (tracking parameters, trailing slash)',
      [
        { id: 'a', title: 'Renamed in the feed', url: 'https://blog.example/a/', normalizedUrl: 'blog.example/a', published: '2024-01-01T00:00:00Z' },
        { id: 'b', title: 'Second', url: 'https://blog.example/b', normalizedUrl: 'blog.example/b', published: '2024-01-02T00:00:00Z' },
      ],
      [declared('Pair', [{ url: 'https://blog.example/b?utm_source=x', title: 'Other text' }, { url: 'https://blog.example/a', title: 'Original title' }])],
      [
        ['Renamed in the feed', 'Pair', 2],
        ['Second', 'Pair', 1],
      ],
    ],
    [
      'posts the declaration does not place go after it (no number: by date)',
      posts(['Rust Async, Part 1', 'Rust Async, Part 2', 'Rust Async, Part 3']),
      [declared('Rust Async', [{ title: 'Rust Async, Part 3' }, { title: 'Rust Async, Part 1' }])],
      [
        ['Rust Async, Part 1', 'Rust Async', 2],
        ['Rust Async, Part 2', 'Rust Async', null],
        ['Rust Async, Part 3', 'Rust Async', 1],
      ],
    ],
    [
      'membership alone keeps the title numbers',
      posts(['Kubernetes the Hard Way, Part 2', 'Standing up etcd', 'Kubernetes the Hard Way, Part 1']),
      [declared('Kubernetes From Scratch', [{ title: 'Kubernetes the Hard Way, Part 2' }, { title: 'Standing up etcd' }, { title: 'Kubernetes the Hard Way, Part 1' }], 'series-page', false)],
      [
        ['Kubernetes the Hard Way, Part 2', 'Kubernetes From Scratch', 2],
        ['Standing up etcd', 'Kubernetes From Scratch', null],
        ['Kubernetes the Hard Way, Part 1', 'Kubernetes From Scratch', 1],
      ],
    ],
    [
      'a series page outranks an article page and the feed for the same post',
      posts(['One', 'Two']),
      [
        declared('From the feed', [{ title: 'One', position: 1 }, { title: 'Two', position: 2 }], 'feed'),
        declared('From the page', [{ title: 'Two' }, { title: 'One' }], 'series-page'),
      ],
      [
        ['One', 'From the page', 2],
        ['Two', 'From the page', 1],
      ],
    ],
    [
      'a title two posts share matches neither; fuzzy near-matches never match',
      posts(['Weekly notes', 'Weekly notes', 'Rust tips']),
      [declared('Notes', [{ title: 'Weekly notes' }, { title: 'Rust tip' }])],
      [
        ['Weekly notes', null, null],
        ['Weekly notes', null, null],
        ['Rust tips', null, null],
      ],
    ],
  ])('%s', (_name, inputs, declarations, expected) => {
    expect(apply(inputs, declarations)).toEqual(expected);
  });

  it('user overrides still win over a declaration', () => {
    const inputs = posts(['One', 'Two', 'Three']);
    const declarations = [declared('Trio', [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }])];
    const out = applySeriesOverrides(applyDeclaredSeries(assignSeries(inputs), inputs, declarations), [
      { kind: 'rename', seriesKey: 'trio', name: 'My trio' },
      { kind: 'move', postId: 'p1', seriesKey: null },
    ]);
    expect(out.map((a) => [a.series?.name ?? null, a.part])).toEqual([['My trio', 1], [null, null], ['My trio', 3]]);
  });

  it('a link that matches no post is kept: the post is placed when it arrives', () => {
    const declarations = [declared('Trio', [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }])];
    expect(apply(posts(['One', 'Three']), declarations).map((r) => r[2])).toEqual([1, 3]);
    expect(apply(posts(['One', 'Three', 'Two']), declarations).map((r) => r[2])).toEqual([1, 3, 2]);
  });
});

describe('seed 000 shaped index page against its feed', () => {
  const html = readFileSync(join(__dirname, '../../test/fixtures/series-pages/code-host-index.html'), 'utf8');
  const outline = readSeriesOutline(html, 'https://code.example.com/dev-writer');
  const declarations = outlineDeclarations(outline, 'https://code.example.com/dev-writer');
  // The feed spells quotes and dashes plainly, and publishes in its own order.
  const feedTitles = outline.flatMap((s) => s.entries.map((e) => e.title.replace(/’/g, "'").replace(/[–—]/g, '-'))).reverse();
  const inputs = posts(feedTitles);

  it('places every listed post in its series, in the author\'s order', () => {
    const out = applyDeclaredSeries(assignSeries(inputs), inputs, declarations);
    const bySeries = new Map<string, [number, string][]>();
    out.forEach((a, i) => a.series && bySeries.set(a.series.name, [...(bySeries.get(a.series.name) ?? []), [a.part ?? 0, inputs[i]!.title]]));
    expect([...bySeries.keys()].sort()).toEqual(['Dives into ASGI', 'Enhance Your Code Delivery Skills as a Software Engineer', 'Memory Topics', 'Quick Dives into FastAPI']);
    for (const series of outline) {
      const ordered = (bySeries.get(series.name) ?? []).sort((a, b) => a[0] - b[0]).map(([, title]) => titleMatchKey(title));
      expect(ordered).toEqual(series.entries.map((e) => titleMatchKey(e.title)));
    }
    expect(countDeclaredPosts(inputs, declarations)).toBe(18);
  });
});

describe('stored declarations', () => {
  it('merges what article pages declare one post at a time', () => {
    let list = mergeDeclaration(undefined, declared('Raised Beds', [{ url: 'https://g.example/a', position: 1 }], 'article-page'));
    list = mergeDeclaration(list, declared('raised beds', [{ url: 'https://g.example/c', position: 3 }], 'article-page'));
    expect(list).toHaveLength(1);
    expect(list[0]?.entries.map((e) => e.position)).toEqual([1, 3]);
  });

  it('keeps what the feed declared about posts that left it', () => {
    const item = (title: string, part: number) => ({ id: title, title, url: `https://g.example/${part}`, authors: [], categories: [], enclosures: [], series: { name: 'Beds', part } });
    const first = mergeFeedDeclarations(undefined, 'https://g.example/feed', [item('One', 1), item('Two', 2)]);
    const second = mergeFeedDeclarations(first, 'https://g.example/feed', [item('Three', 3)]);
    expect(second?.[0]?.entries.map((e) => e.title)).toEqual(['One', 'Two', 'Three']);
    expect(mergeFeedDeclarations(undefined, 'https://g.example/feed', [{ ...item('x', 1), series: undefined }])).toBeUndefined();
  });
});
