import { describe, expect, it } from 'vitest';
import { exportOpml } from './export-opml.ts';
import { parseOpml, type OpmlFeed } from './parse-opml.ts';

const byUrl = (a: OpmlFeed, b: OpmlFeed): number => a.feedUrl.localeCompare(b.feedUrl);

describe('exportOpml', () => {
  const roundTrips: [string, OpmlFeed[]][] = [
    ['empty list', []],
    ['flat list', [
      { feedUrl: 'https://jvns.ca/atom.xml', title: 'Julia Evans', siteUrl: 'https://jvns.ca/', tags: [] },
      { feedUrl: 'https://danluu.com/atom.xml', title: 'Dan Luu', tags: [] },
    ]],
    ['nested tags', [
      { feedUrl: 'https://this-week-in-rust.org/rss.xml', title: 'TWiR', tags: ['Tech', 'Rust'] },
      { feedUrl: 'https://lwn.net/headlines/rss', title: 'LWN', tags: ['Tech'] },
      { feedUrl: 'https://example.com/none.xml', title: 'No folder', tags: [] },
      { feedUrl: 'https://blog.rust-lang.org/feed.xml', title: 'Rust Blog', tags: ['Tech', 'Rust'] },
    ]],
    ['characters that need escaping', [
      { feedUrl: 'https://example.com/feed?a=1&b=2', title: 'Tom & Jerry "quoted" \'single\' Vec<T> > x', siteUrl: "https://example.com/it's?x=%3Cy%3E&z=1", tags: ['R&D', '"Q"'] },
    ]],
    ['untitled feed', [{ feedUrl: 'https://example.com/untitled.xml', tags: ['Misc'] }]],
    ['unicode', [{ feedUrl: 'https://xn--bcher-kva.example/feed', title: 'Bücher – 日本語 😀', tags: ['Lesen'] }]],
  ];

  it.each(roundTrips)('round-trips: %s', (_why, feeds) => {
    const text = exportOpml(feeds, { title: 'Export', dateCreated: new Date('2026-01-02T03:04:05Z') });
    const back = parseOpml(text);
    expect(back.title).toBe('Export');
    expect(back.problems).toEqual([]);
    expect([...back.feeds].sort(byUrl)).toEqual([...feeds].sort(byUrl));
  });

  it('writes OPML 2.0 with a head, a date and nested folders', () => {
    const text = exportOpml(
      [{ feedUrl: 'https://a.example/f', title: 'A', tags: ['Outer', 'Inner'] }],
      { title: 'Mine', dateCreated: new Date('2026-01-02T03:04:05Z') },
    );
    expect(text).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<opml version="2.0">',
      '  <head>',
      '    <title>Mine</title>',
      '    <dateCreated>Fri, 02 Jan 2026 03:04:05 GMT</dateCreated>',
      '  </head>',
      '  <body>',
      '    <outline text="Outer" title="Outer">',
      '      <outline text="Inner" title="Inner">',
      '        <outline type="rss" text="A" title="A" xmlUrl="https://a.example/f"/>',
      '      </outline>',
      '    </outline>',
      '  </body>',
      '</opml>',
      '',
    ].join('\n'));
  });

  it.each([
    ['quotes in attributes', { feedUrl: 'https://a.example/f', title: '"><script>alert(1)</script>', tags: [] }, '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['control characters dropped', { feedUrl: 'https://a.example/f', title: 'a\u0000b\u0007c', tags: [] }, 'text="abc"'],
    ['newline escaped', { feedUrl: 'https://a.example/f', title: 'a\nb', tags: [] }, 'text="a&#10;b"'],
  ])('escapes every attribute: %s', (_why, feed, fragment) => {
    const text = exportOpml([feed], { dateCreated: new Date(0) });
    expect(text).toContain(fragment);
    expect(parseOpml(text).feeds).toHaveLength(1);
  });

  it('groups feeds sharing a folder under one outline', () => {
    const text = exportOpml([
      { feedUrl: 'https://a.example/f', tags: ['Dev'] },
      { feedUrl: 'https://b.example/f', tags: [] },
      { feedUrl: 'https://c.example/f', tags: ['Dev'] },
    ], { dateCreated: new Date(0) });
    expect(text.match(/text="Dev"/g)).toHaveLength(1);
    expect(parseOpml(text).feeds.map((f) => f.feedUrl)).toEqual(['https://a.example/f', 'https://c.example/f', 'https://b.example/f']);
  });

  it('round-trips 1,000 feeds', () => {
    const feeds: OpmlFeed[] = Array.from({ length: 1000 }, (_, i) => ({
      feedUrl: `https://blog${i}.example.com/feed.xml`,
      title: `Blog ${i}`,
      siteUrl: `https://blog${i}.example.com/`,
      tags: i % 3 === 0 ? [] : [`Folder ${i % 7}`],
    }));
    const back = parseOpml(exportOpml(feeds, { dateCreated: new Date(0) }));
    expect(back.feeds).toHaveLength(1000);
    expect([...back.feeds].sort(byUrl)).toEqual([...feeds].sort(byUrl));
  });
});
