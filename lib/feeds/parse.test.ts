import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared-corpus';
import { FeedError, parseFeed as parseFeedLean, type ParsedFeed, type ParsedItem, type ParseOptions } from './parse';

// These tables check every field, the ones only the evaluation asks for (`details`) included.
const parseFeed = (body: string | Uint8Array, options: ParseOptions = {}): ParsedFeed => parseFeedLean(body, { details: true, ...options });

const FIXTURES = resolve(repoRoot, 'test/fixtures/feeds');
const load = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));
const FEED_URL = 'https://feeds.example.net/x/feed';

function thrown(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (error) {
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

interface Case {
  file: string;
  contentType?: string;
  feed: Partial<ParsedFeed>;
  items: Partial<ParsedItem>[];
}

// Every format and version, written to reproduce what real feeds publish.
const FORMATS: Case[] = [
  {
    file: 'variants/rss-090.rdf',
    feed: { format: 'rdf', version: '0.90', title: 'Lynx Weekly', siteUrl: 'http://lynx.example.org/' },
    items: [
      { id: 'http://lynx.example.org/news/tables.html', title: 'Tables, at last', url: 'http://lynx.example.org/news/tables.html' },
      { title: 'Cookies without tears' },
    ],
  },
  {
    file: 'variants/rss-091.xml',
    feed: { format: 'rss', version: '0.91', title: 'Café Scripting', description: 'Small scripts, strong coffee & long footnotes.' },
    items: [
      { id: 'http://cafe.example.com/2001/03/sed-rename.html', summary: 'Regular expressions – the good parts, and the one flag you always forget.' },
      { summary: 'Daylight saving time, again…', published: undefined },
    ],
  },
  {
    file: 'variants/rss-092.xml',
    feed: { format: 'rss', version: '0.92', updated: '2003-05-03T22:04:00Z' },
    items: [
      {
        title: 'Episode 12: the crystal set',
        published: '2003-05-03T21:00:00Z',
        categories: ['Receivers'],
        enclosures: [{ url: 'http://radio.example.net/audio/ep12.mp3', type: 'audio/mpeg', length: 12216320 }],
      },
      { published: '2003-04-26T21:00:00Z', categories: ['Antennas'] },
    ],
  },
  {
    file: 'variants/rss-20-blog.xml',
    feed: { format: 'rss', version: '2.0', title: 'Systems & Stories', description: 'Notes on building reliable software', siteUrl: 'https://systems.example.dev/' },
    items: [
      {
        id: 'https://systems.example.dev/?p=2041',
        // HTML in a title, and `Vec<T>` that must stay text
        title: 'Generics in Rust: why Vec<T> is not a list',
        // feedburner:origLink wins over the tracking link
        url: 'https://systems.example.dev/2024/03/rust-generics/',
        authors: ['Dana Whitfield'],
        categories: ['Rust', 'Programming Languages'],
        published: '2024-03-04T16:20:00Z',
        summary: 'Monomorphization, trait bounds and the cost of dyn. The post Generics in Rust appeared first on Systems & Stories.',
      },
      { title: 'Q&A: “Should I learn C first?”', id: 'https://systems.example.dev/2024/02/learn-c-first/', categories: ['Career'] },
    ],
  },
  {
    file: 'variants/rdf-10.rdf',
    feed: { format: 'rdf', version: '1.0', title: 'Kernel Journal', updated: '2023-06-02T12:00:00Z' },
    items: [
      { url: 'https://journal.example.jp/entry/scheduler-2', published: '2023-06-02T12:00:00Z', authors: ['Kenji Sato'], categories: ['linux', 'scheduler'] },
      { published: '2023-05-26T00:00:00Z', contentHtml: 'One run queue per CPU, and the lock that used to be global.' },
    ],
  },
  {
    file: 'variants/atom-03.xml',
    feed: { format: 'atom', version: '0.3', title: 'Bits & Bytes', description: 'A weblog about small computers', updated: '2004-11-02T18:30:02Z' },
    items: [
      {
        id: 'tag:bits.example.org,2004:basic',
        published: '2004-11-02T18:30:02Z',
        updated: '2004-11-02T18:30:02Z',
        authors: ['Ola Nordmann'],
        summary: 'Line numbers, GOSUB and a 4 KB budget.',
        contentHtml: '<p>Line numbers, <code>GOSUB</code> and a 4&nbsp;KB budget.</p>',
      },
      { contentHtml: '<p>Encoded <b>bodies</b> still exist.</p>' },
      { title: 'Inline XHTML titles', contentHtml: '<div><p>Served as <abbr title="Extensible HyperText Markup Language">XHTML</abbr>.</p></div>' },
    ],
  },
  {
    file: 'variants/atom-10-xmlbase.xml',
    feed: { format: 'atom', version: '1.0', title: 'Compilers & Coffee', siteUrl: 'https://blog.example.com/', description: 'Writing a compiler in the open', updated: '2024-08-14T08:00:00Z' },
    items: [
      {
        title: 'Lexing without regular expressions',
        // nested xml:base: feed, then entry
        url: 'https://blog.example.com/posts/2024/lexer.html',
        published: '2024-08-14T08:00:00Z',
        updated: '2024-08-15T05:30:00Z',
        authors: ['Priya Raman'],
        categories: ['compilers', 'lexing'],
        enclosures: [{ url: 'https://blog.example.com/media/lexer-talk.mp4', type: 'video/mp4', length: 73014000 }],
        // ... then content
        contentHtml:
          '<p>A hand-written lexer is a loop and a <code>switch</code>. See the <a href="https://blog.example.com/posts/2024/lexer/source.html">source</a> and the <a href="https://blog.example.com/about/">author</a>.</p><img src="https://blog.example.com/posts/2024/lexer/diagram.svg" alt="states"/>',
      },
      {
        authors: ['Guest: Tomás Ruiz'],
        summary: 'Operator precedence as a table of binding powers.',
        contentHtml: '<p>Operator precedence as a table of binding powers. <a href="https://blog.example.com/posts/2024/pratt/table.html">The table</a>.</p>',
      },
      { url: undefined, enclosures: [], contentHtml: 'Plain text with &lt;angle brackets&gt; &amp; an ampersand.', summary: 'Plain text with <angle brackets> & an ampersand.' },
    ],
  },
  {
    file: 'variants/json-feed-10.json',
    feed: { format: 'json', version: '1.0', title: 'Shell Snippets', siteUrl: 'https://snippets.example.io/' },
    items: [
      { id: '2019-04-find-exec', published: '2019-04-02T15:00:00Z', authors: ['Lena Fischer'], categories: ['shell', 'find'], summary: 'Both run a command per file. One of them survives spaces in file names.' },
      { id: '42', url: 'https://example.org/someone-elses-post', enclosures: [{ url: 'https://snippets.example.io/audio/pipe.mp3', type: 'audio/mpeg', length: 2048000 }] },
    ],
  },
  {
    file: 'variants/json-feed-11.json',
    feed: { format: 'json', version: '1.1', description: 'Short essays, one idea each.' },
    items: [
      {
        title: 'Variance & You',
        authors: ['Sam Carter', 'Alex Kim'],
        updated: '2023-01-12T08:30:00Z',
        contentHtml: '<p>Why a <code>List&lt;Cat&gt;</code> is not a <code>List&lt;Animal&gt;</code> you can add dogs to. See <a href="https://types.example.net/essays/subtyping">subtyping</a>.</p>',
      },
      { title: '', authors: ['Sam Carter'], url: 'https://feeds.example.net/essays/subtyping' },
    ],
  },
];

// Encodings: BOM, then XML declaration, then Content-Type charset, then UTF-8 / windows-1252.
const ENCODINGS: Case[] = [
  { file: 'variants/windows-1252.xml', feed: { title: 'Café “quotes” €5 – more…' }, items: [{ title: 'Naïve résumé', summary: '‘single’' }] },
  { file: 'variants/iso-8859-1.xml', feed: { title: 'Français à la carte' }, items: [{ title: 'Été ½', summary: '© 2024' }] },
  { file: 'variants/utf-16le-bom.xml', feed: { title: '日本語のブログ' }, items: [{ title: 'Привет', summary: '😀 emoji' }] },
  { file: 'variants/utf-8-bom.xml', feed: { title: 'Übung macht den Meister' }, items: [{ title: 'Straße' }] },
  { file: 'variants/undeclared-latin1.xml', feed: { title: 'Crème brûlée' }, items: [{ title: 'Déjà vu' }] },
  { file: 'variants/content-type-cp1251.xml', contentType: 'application/rss+xml; charset=windows-1251', feed: { title: 'Новости' }, items: [{ title: 'Привет, мир' }] },
];

// Real-world variants: slop that must be read, identity without guids, duplicates.
const VARIANTS: Case[] = [
  {
    file: 'variants/slop.xml',
    feed: { title: 'Café & Code\u00a0Club', siteUrl: 'https://cafe-code.example.com/?utm_source=rss&utm_medium=feed', description: 'Meetups — talks … and coffee' },
    items: [
      {
        title: 'Tips & tricks for tmux',
        url: 'https://cafe-code.example.com/talks/tmux?ref=rss&lang=en',
        authors: ['Jörg Müller'],
        published: '2024-03-07T18:00:00Z',
        summary: 'Panes, windows & sessions\u00a0– and the prefix key you will remap.',
      },
      // `<3` is text, and a date that cannot be read is left out
      { title: 'Vim <3 (a love letter)', published: undefined, updated: undefined },
    ],
  },
  {
    file: 'variants/missing-guids.xml',
    feed: { title: 'Office Hours' },
    items: [
      { title: 'Open office hours moved to Thursday', url: 'https://hours.example.org/' },
      { title: 'Office hours cancelled this week', url: 'https://hours.example.org/' },
      { id: 'https://hours.example.org/recordings/march' },
      { title: 'A note with neither guid nor link', url: undefined },
    ],
  },
  {
    file: 'variants/duplicates.xml',
    feed: { title: 'Release Notes' },
    items: [{ id: 'https://releases.example.com/v2.1.0', title: 'v2.1.0' }, { id: 'https://releases.example.com/v2.0.1' }],
  },
  {
    file: 'variants/external-entities.xml',
    feed: { title: 'Partwise test' },
    items: [{ title: 'Nothing leaks:' }],
  },
];

describe.each([
  ['formats', FORMATS],
  ['encodings', ENCODINGS],
  ['real-world variants', VARIANTS],
])('parseFeed: %s', (_group, cases) => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const feed = parseFeed(load(c.file), { url: FEED_URL, contentType: c.contentType });
    expect(feed).toMatchObject(c.feed);
    expect(feed.items).toHaveLength(c.items.length);
    c.items.forEach((expected, i) => {
      const item = feed.items[i] as ParsedItem;
      for (const [key, value] of Object.entries(expected)) expect(item[key as keyof ParsedItem], `${c.file} item ${i} ${key}`).toEqual(value);
    });
  });
});

describe('identity', () => {
  it('gives the same ids for the same input, and different ids to different items', () => {
    const first = parseFeed(load('variants/missing-guids.xml'), { url: FEED_URL }).items.map((i) => i.id);
    const again = parseFeed(load('variants/missing-guids.xml'), { url: FEED_URL }).items.map((i) => i.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    // Items that share the home page as their link get hashes, not that link.
    expect(first[0]).toMatch(/^hash:[0-9a-f]{14}$/);
    expect(first[3]).toMatch(/^hash:/);
  });

  it('uses guid, then the absolute link, then a hash', () => {
    const xml = (item: string) => `<rss version="2.0"><channel><title>t</title><item>${item}</item></channel></rss>`;
    expect(parseFeed(xml('<guid isPermaLink="false"> abc </guid><link>/a</link>'), { url: FEED_URL }).items[0]?.id).toBe('abc');
    expect(parseFeed(xml('<link>/a</link>'), { url: FEED_URL }).items[0]?.id).toBe('https://feeds.example.net/a');
    expect(parseFeed(xml('<title>x</title>')).items[0]?.id).toMatch(/^hash:/);
    // A permalink guid is also the link when there is none.
    expect(parseFeed(xml('<guid>https://b.example/1</guid>')).items[0]?.url).toBe('https://b.example/1');
    expect(parseFeed(xml('<guid isPermaLink="false">https://b.example/1</guid>')).items[0]?.url).toBeUndefined();
  });
});

describe('text fields', () => {
  const rss = (title: string, description = '') =>
    `<rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><description>${description}</description></item></channel></rss>`;
  const atom = (title: string, type: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title type="${type}">${title}</title></feed>`;

  it.each([
    ['entities', rss('Caf&eacute; &amp; cr&egrave;me &#8211; &#x2014; &hellip;'), 'Café & crème – — …'],
    ['double-escaped', rss('Q&amp;amp;A &amp;quot;live&amp;quot;'), 'Q&A "live"'],
    ['CDATA', rss('<![CDATA[Tips & <em>tricks</em>]]>'), 'Tips & tricks'],
    ['HTML in titles', rss('&lt;b&gt;Bold&lt;/b&gt; move'), 'Bold move'],
    ['whitespace', rss('\n   Spread\n\tout   title \n'), 'Spread out title'],
  ])('RSS title: %s', (_name, doc, expected) => {
    const feed = parseFeed(doc);
    expect(feed.title).toBe(expected);
    expect(feed.items[0]?.title).toBe(expected);
  });

  it.each([
    ['text', 'History of the &lt;blink&gt; tag', 'History of the <blink> tag'],
    ['html', 'Q&amp;amp;A &lt;em&gt;now&lt;/em&gt;', 'Q&A now'],
    ['html', '&amp;#38;', '&'],
    ['xhtml', '<div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b> &amp; more</div>', 'Example Atom & more'],
  ])('Atom title of type %s', (type, title, expected) => {
    expect(parseFeed(atom(title, type)).title).toBe(expected);
  });

  it('keeps contentHtml as published, summary as bounded plain text', () => {
    const body = '<p>' + 'Sentence number one goes here. '.repeat(60) + '</p>';
    const feed = parseFeed(rss('t', `<![CDATA[${body}]]>`));
    const item = feed.items[0] as ParsedItem;
    expect(item.contentHtml).toBe(body);
    expect(item.summary!.length).toBeLessThanOrEqual(500);
    expect(item.summary).toMatch(/^Sentence number one goes here\. .*here\.…$|…$/);
  });
});

describe('URLs', () => {
  it('keeps only http and https', () => {
    const doc = `<rss version="2.0"><channel><title>t</title><link>javascript:alert(1)</link>
      <item><title>a</title><link>data:text/html,hi</link><enclosure url="file:///etc/passwd" type="text/plain"/></item></channel></rss>`;
    const feed = parseFeed(doc, { url: FEED_URL });
    expect(feed.siteUrl).toBeUndefined();
    expect(feed.items[0]?.url).toBeUndefined();
    expect(feed.items[0]?.enclosures).toEqual([]);
  });

  it('resolves relative links against the feed URL, or its self link without one', () => {
    const doc = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title><link>/</link>
      <atom:link rel="self" href="https://self.example.org/blog/rss.xml"/><item><link>posts/1.html</link></item></channel></rss>`;
    expect(parseFeed(doc, { url: 'https://given.example.com/feeds/rss' }).items[0]?.url).toBe('https://given.example.com/feeds/posts/1.html');
    expect(parseFeed(doc).items[0]?.url).toBe('https://self.example.org/blog/posts/1.html');
  });
});

describe('sample feeds for demos and browser tests', () => {
  const origin = 'http://127.0.0.1:41234';

  it('asgi-series.xml: a four-part series among standalone posts', () => {
    const feed = parseFeed(load('asgi-series.xml'), { url: `${origin}/feeds/asgi-series.xml` });
    expect(feed).toMatchObject({ format: 'rss', version: '2.0', siteUrl: `${origin}/async-notes/` });
    expect(feed.items.map((i) => i.title).filter((t) => t.includes('– Part '))).toEqual([4, 3, 2, 1].map((n) => expect.stringContaining(`Real FastAPI Engineer – Part ${n}:`)));
    expect(feed.items.length).toBeGreaterThanOrEqual(7);
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^${origin}/async-notes/posts/[a-z0-9-]+\\.html$`));
      expect(item.published).toBeDefined();
      expect(item.categories.length).toBeGreaterThan(0);
      expect(item.id).toMatch(/^async-notes:/);
      expect(item.contentHtml).toMatch(/^<p>/);
    }
  });

  it('modern-python.atom: two numbered series and a renamed first part', () => {
    const feed = parseFeed(load('modern-python.atom'), { url: `${origin}/feeds/modern-python.atom` });
    expect(feed).toMatchObject({ format: 'atom', version: '1.0', title: 'Modern Python', siteUrl: `${origin}/modern-python/` });
    const titles = feed.items.map((i) => i.title);
    for (const n of [2, 3, 4, 5, 6]) expect(titles.some((t) => t.startsWith(`Modern Python in Practice #${n}`))).toBe(true);
    for (const n of [2, 3, 4, 5, 6, 7]) expect(titles.some((t) => t.startsWith(`Modern Python Advanced #${n}`))).toBe(true);
    expect(titles).toContain('Modern Python FastAPI #1 Getting Started and Setup');
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^${origin}/modern-python/posts/`));
      expect(item.published).toBeDefined();
      expect(item.categories.length).toBeGreaterThan(0);
      expect(item.contentHtml).toMatch(/^<p>/);
      expect(item.authors).toEqual(['Mira Okafor']);
    }
  });

  it('daily-backend.json: a daily run of (2026) posts', () => {
    const feed = parseFeed(load('daily-backend.json'), { url: `${origin}/feeds/daily-backend.json` });
    expect(feed).toMatchObject({ format: 'json', version: '1.1', siteUrl: `${origin}/daily-backend/` });
    for (const item of feed.items) {
      expect(item.title).toMatch(/ \(2026\)$/);
      expect(item.url).toMatch(new RegExp(`^${origin}/daily-backend/posts/`));
      expect(item.published).toMatch(/^2026-/);
      expect(item.categories.length).toBeGreaterThan(0);
      expect(item.contentHtml).toMatch(/^<p>/);
    }
    const days = feed.items.map((i) => i.published!.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
  });
});

describe('what is not a feed', () => {
  it.each<[string, string | Uint8Array]>([
    ['an HTML page', readFileSync(resolve(FIXTURES, 'variants/not-a-feed.html'), 'utf8')],
    ['JSON that is not a JSON Feed', readFileSync(resolve(FIXTURES, 'variants/not-a-feed.json'), 'utf8')],
    ['an empty body', ''],
    ['whitespace', ' \n\t '],
    ['plain text', 'Service Unavailable'],
    ['an unrelated XML document', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['binary', Uint8Array.from({ length: 256 }, (_, i) => (i * 31) % 256)],
  ])('%s throws not-a-feed', (_name, body) => {
    expect(thrown(() => parseFeed(body))).toMatchObject({ name: 'FeedError', code: 'not-a-feed' });
  });

  it('a broken JSON Feed is malformed', () => {
    expect(thrown(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": ['))).toMatchObject({ code: 'malformed' });
  });
});

describe('details', () => {
  it('a refresh gets no contentHtml, enclosures or description unless it asks', () => {
    const doc = '<rss><channel><title>t</title><description>About</description><item><title>a</title><description>&lt;p&gt;Body text&lt;/p&gt;</description><enclosure url="https://x.example/a.mp3" type="audio/mpeg"/></item></channel></rss>';
    const lean = parseFeedLean(doc);
    expect(lean.description).toBeUndefined();
    expect(lean.items[0]).toEqual({ id: expect.stringMatching(/^hash:/), title: 'a', summary: 'Body text', authors: [], categories: [] });
    const full = parseFeedLean(doc, { details: true });
    expect(full.description).toBe('About');
    expect(full.items[0]).toMatchObject({ contentHtml: '<p>Body text</p>', enclosures: [{ url: 'https://x.example/a.mp3' }] });
  });
});

describe('hostile documents', () => {
  it('a billion laughs fails, without expanding', () => {
    expect(thrown(() => parseFeed(load('variants/billion-laughs.xml')))).toMatchObject({ code: 'malformed' });
  });

  it('quadratic blowup through one large entity is bounded', () => {
    const doc = `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(10000)}">]><rss><channel><title>${'&a;'.repeat(1000)}</title></channel></rss>`;
    expect(thrown(() => parseFeed(doc))).toMatchObject({ code: 'malformed' });
  });

  it('external entities and DTDs are never read', () => {
    const feed = parseFeed(load('variants/external-entities.xml'));
    expect(JSON.stringify(feed)).not.toMatch(/root:|attacker/);
  });

  it('input over the limit is too-large, before any work', () => {
    expect(thrown(() => parseFeed(new Uint8Array(10 * 1024 * 1024 + 1)))).toMatchObject({ code: 'too-large' });
    expect(thrown(() => parseFeed('<rss/>'.repeat(100), { maxBytes: 100 }))).toMatchObject({ code: 'too-large' });
  });

  it.each<[string, string]>([
    ['deep nesting', '<rss><channel>' + '<x>'.repeat(50000) + '</channel></rss>'],
    ['an unclosed CDATA section', '<rss><channel><title><![CDATA[never closed</title></channel></rss>'],
    ['an unclosed attribute', '<rss><channel><item><title a="' + 'x'.repeat(100000) + '</title></item></channel></rss>'],
  ])('%s fails with a FeedError', (_name, doc) => {
    expect(thrown(() => parseFeed(doc))).toBeInstanceOf(FeedError);
  });

  it.each<[string, string]>([
    ['prototype-polluting element names', '<rss><channel><__proto__>x</__proto__><item><constructor>y</constructor><title>t</title></item></channel></rss>'],
    ['many unclosed tags in a body', '<rss><channel><item><title>t</title><description>' + '<a '.repeat(20000) + '</description></item></channel></rss>'],
    ['a flood of ampersands', '<rss><channel><item><title>t</title><description>' + '&'.repeat(100000) + '&#'.repeat(50000) + '</description></item></channel></rss>'],
  ])('%s is read safely', (_name, doc) => {
    const feed = parseFeed(doc);
    expect(feed.items[0]?.title).toBe('t');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  // The work of these shapes is counted in text.test.ts and discover.test.ts; `npm run bench hostile` times them.
  it.each([50_000, 100_000])('a channel description of &lt;!a repeated %i times is read, items intact', (n) => {
    const doc = `<rss><channel><title>t</title><description>${'&lt;!a'.repeat(n)}</description><item><title>a</title><description>${'&lt;!a'.repeat(n)}</description></item></channel></rss>`;
    const feed = parseFeed(doc);
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
    expect(feed.description?.length ?? 0).toBeLessThan(10);
  });

  it('an unterminated final tag and a truncated body are read', () => {
    expect(parseFeed('<rss><channel><title>t</title><item><title>a</title></item></channel></rss').items).toHaveLength(1);
    expect(parseFeed('<rss><channel><title>t</title><item><title>a</title></item><item><title>b</title><description>cut of').items.map((i) => i.title)).toEqual(['a', 'b']);
  });
});

describe('namespaces, by intent', () => {
  it.each<[string, string]>([
    ['undeclared prefixes', '<rss version="2.0"><channel><title>t</title><item><title>x</title><dc:creator>Ana</dc:creator><content:encoded><![CDATA[<p>body</p>]]></content:encoded></item></channel></rss>'],
    ['mistyped namespace URIs', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1" xmlns:content="http://example.com/not-content"><channel><title>t</title><item><title>x</title><dc:creator>Ana</dc:creator><content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded></item></channel></rss>'],
    ['other prefixes for known namespaces', '<rss version="2.0" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><item><title>x</title><d:creator>Ana</d:creator><c:encoded>&lt;p&gt;body&lt;/p&gt;</c:encoded></item></channel></rss>'],
    ['a prefixed RSS vocabulary', '<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/"><r:channel><r:title>t</r:title><r:item><r:title>x</r:title><dc:creator>Ana</dc:creator><r:description>&lt;p&gt;body&lt;/p&gt;</r:description></r:item></r:channel></r:rss>'],
  ])('RSS: %s', (_name, doc) => {
    const item = parseFeed(doc).items[0] as ParsedItem;
    expect(item).toMatchObject({ title: 'x', authors: ['Ana'], contentHtml: '<p>body</p>' });
  });

  it.each<[string, string]>([
    ['prefixed Atom', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>t</atom:title><atom:entry><atom:id>1</atom:id><atom:title>x</atom:title><atom:content type="html">&lt;p&gt;body&lt;/p&gt;</atom:content></atom:entry></atom:feed>'],
    ['Atom without its namespace', '<feed><title>t</title><entry><id>1</id><title>x</title><content type="html">&lt;p&gt;body&lt;/p&gt;</content></entry></feed>'],
    ['Atom in an unknown namespace', '<feed xmlns="http://example.com/necho"><title>t</title><entry><id>1</id><title>x</title><content type="html">&lt;p&gt;body&lt;/p&gt;</content></entry></feed>'],
    ['upper-case element names', '<feed xmlns="http://www.w3.org/2005/Atom"><TITLE>t</TITLE><Entry><ID>1</ID><Title>x</Title><Content type="html">&lt;p&gt;body&lt;/p&gt;</Content></Entry></feed>'],
  ])('Atom: %s', (_name, doc) => {
    const feed = parseFeed(doc);
    expect(feed).toMatchObject({ format: 'atom', title: 't' });
    expect(feed.items[0]).toMatchObject({ id: '1', title: 'x', contentHtml: '<p>body</p>' });
  });

  it('ignores elements of foreign namespaces that share a local name', () => {
    const doc = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:foo="http://example.com/foo"><channel><title>t</title>
      <item><foo:title>wrong</foo:title><title>right</title><media:content url="https://cdn.example.com/v.mp4" type="video/mp4"><media:title>also wrong</media:title></media:content></item></channel></rss>`;
    const item = parseFeed(doc).items[0] as ParsedItem;
    expect(item.title).toBe('right');
    expect(item.enclosures).toEqual([{ url: 'https://cdn.example.com/v.mp4', type: 'video/mp4' }]);
  });
});
