// Feeds the engine had never seen: each table covers one cause of a miss, with fixtures we wrote.
import { describe, expect, it } from 'vitest';
import { contentLocation } from './fetch';
import { authorName } from './item-builder';
import { parseFeed, type ParsedItem } from './parse';

const rss = (items: string, channel = '') =>
  `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>${channel}${items}</channel></rss>`;
const atom = (entries: string, attrs = '') => `<feed xmlns="http://www.w3.org/2005/Atom"${attrs}><title>T</title>${entries}</feed>`;
const first = (xml: string, url?: string): ParsedItem => parseFeed(xml, url === undefined ? {} : { url }).items[0]!;

describe('the document URL is the base of relative links and ids', () => {
  const MIRROR = 'https://mirror.example.org/feeds/all.xml';
  it.each<[string, string, Partial<ParsedItem>]>([
    ['a relative guid path', rss('<item><title>a</title><guid isPermaLink="false">/posts/7</guid></item>'), { id: 'https://mirror.example.org/posts/7' }],
    ['a guid relative to the feed', rss('<item><title>a</title><guid>notes/8</guid></item>'), { id: 'https://mirror.example.org/feeds/notes/8', url: 'https://mirror.example.org/feeds/notes/8' }],
    ['an Atom id under xml:base', atom('<entry xml:base="https://elsewhere.example.com/blog/"><id>entries/3</id><title>a</title></entry>'), { id: 'https://elsewhere.example.com/blog/entries/3' }],
    ['a relative Atom link', atom('<entry><id>urn:uuid:1</id><title>a</title><link href="../p/1.html"/></entry>'), { url: 'https://mirror.example.org/p/1.html' }],
    ['a URN id stays', atom('<entry><id>tag:example.org,2026:/posts/1</id><title>a</title></entry>'), { id: 'tag:example.org,2026:/posts/1' }],
    ['a number stays', rss('<item><title>a</title><guid isPermaLink="false">4242</guid></item>'), { id: '4242' }],
    ['a UUID stays', rss('<item><title>a</title><guid isPermaLink="false">5f0c6c2e-9d1a-4c0e-8a57-2b7f1f4e7c11</guid></item>'), { id: '5f0c6c2e-9d1a-4c0e-8a57-2b7f1f4e7c11' }],
  ])('%s', (_name, xml, expected) => expect(first(xml, MIRROR)).toMatchObject(expected));

  it('resolves HTML against the document, not against an item link on another host', () => {
    const item = parseFeed(
      rss('<item><title>a</title><link>https://cdn.example.net/a</link><description>&lt;a href="/about"&gt;me&lt;/a&gt;</description></item>'),
      { url: MIRROR, details: true },
    ).items[0]!;
    expect(item.contentHtml).toBe('<a href="https://mirror.example.org/about">me</a>');
  });

  it.each<[string, string | null, string]>([
    ['no header', null, 'https://a.example/feed'],
    ['an absolute location', 'https://b.example/real/feed.xml', 'https://b.example/real/feed.xml'],
    ['a relative location', '/v2/feed.xml', 'https://a.example/v2/feed.xml'],
    ['an unusable scheme', 'ftp://c.example/feed', 'https://a.example/feed'],
  ])('Content-Location: %s', (_name, header, expected) => expect(contentLocation(header, 'https://a.example/feed')).toBe(expected));
});

describe('links and entries', () => {
  it('an enclosure link without href hides neither the alternate link nor the entry', () => {
    const entry = '<entry><title>Episode</title><link rel="enclosure" type="audio/mpeg" length="12"/><link rel="alternate" href="https://pod.example.com/ep/1"/></entry>';
    const body = '<entry><title>Same</title><link rel="enclosure">https://pod.example.com/ep.mp3</link><link rel="alternate">https://pod.example.com/same</link></entry>';
    const feed = parseFeed(atom(entry + body + body));
    expect(feed.items.map((i) => i.url)).toEqual(['https://pod.example.com/ep/1', 'https://pod.example.com/same', 'https://pod.example.com/same']);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(3);
  });

  it('ids of look-alike entries are stable from one parse to the next', () => {
    const twice = rss('<item><title>Repeat</title></item><item><title>Repeat</title></item>');
    expect(parseFeed(twice).items.map((i) => i.id)).toEqual(parseFeed(twice).items.map((i) => i.id));
  });
});

describe('metadata', () => {
  it.each<[string, string, Partial<ParsedItem>]>([
    ['media:category is a category', rss('<item><title>a</title><media:category scheme="urn:x">Compilers</media:category><category>Rust</category></item>'), { categories: ['Compilers', 'Rust'] }],
    ['media:category inside a media:group', rss('<item><title>a</title><media:group><media:category>Video</media:category></media:group></item>'), { categories: ['Video'] }],
    ['media:category in Atom', atom('<entry xmlns:media="http://search.yahoo.com/mrss/"><id>x</id><title>a</title><media:category>Talks</media:category></entry>'), { categories: ['Talks'] }],
    ['dc:date is the updated date (and the published one failing better)', rss('<item><title>a</title><dc:date>2026-03-04T05:06:07Z</dc:date></item>'), { updated: '2026-03-04T05:06:07Z', published: '2026-03-04T05:06:07Z' }],
    ['dc:date next to pubDate', rss('<item><title>a</title><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><dc:date>2026-03-04T05:06:07Z</dc:date></item>'), { updated: '2026-03-04T05:06:07Z', published: '2026-03-02T10:00:00Z' }],
    ['dc:date in Atom', atom('<entry xmlns:dc="http://purl.org/dc/elements/1.1/"><id>x</id><title>a</title><dc:date>2026-01-02T03:04:05Z</dc:date></entry>'), { updated: '2026-01-02T03:04:05Z' }],
  ])('%s', (_name, xml, expected) => expect(first(xml)).toMatchObject(expected));
});

describe('text, as the feed typed it', () => {
  it.each<[string, string, string]>([
    ['markup inside type="text" is text', atom('<entry><id>x</id><title type="text">Press <kbd>Ctrl</kbd> twice</title></entry>'), 'Press <kbd>Ctrl</kbd> twice'],
    ['markup inside an untyped title is text', atom('<entry><id>x</id><title>a <em>b</em></title></entry>'), 'a <em>b</em>'],
    ['escaped markup in text is text', atom('<entry><id>x</id><title type="text">if a &lt; b &amp;&amp; c</title></entry>'), 'if a < b && c'],
    ['HTML is read as HTML', atom('<entry><id>x</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; move</title></entry>'), 'Bold move'],
  ])('%s', (_name, xml, title) => expect(first(xml).title).toBe(title));

  it('type="text" content is HTML that shows the text, escaped once', () => {
    const item = parseFeed(atom('<entry><id>x</id><title>t</title><content type="text">Use <code>&lt;T&gt;</code> &amp; more</content></entry>'), { details: true }).items[0]!;
    expect(item.contentHtml).toBe('Use &lt;code&gt;&lt;T&gt;&lt;/code&gt; &amp; more');
  });

  it.each<[string, string, string]>([
    ['quotes inside unquoted values', `&lt;a href=/x title=it's data-n=a"b&gt;Soup&lt;/a&gt; &amp; more`, 'Soup & more'],
    ['> inside quoted values', '&lt;span title="a > b" class=\'x\'&gt;Greater&lt;/span&gt;', 'Greater'],
    ['attributes without values and odd spacing', '&lt;b  hidden   data-x = "1"&gt;Bold&lt;/b &gt; text', 'Bold text'],
    ['generics stay text next to soup', 'Vec&lt;T&gt; in &lt;code class=rust&gt;std&lt;/code&gt;', 'Vec<T> in std'],
    ['an unclosed tag stays text', 'a &lt;b and more', 'a <b and more'],
  ])('attribute soup in RSS titles: %s', (_name, title, expected) => {
    expect(first(rss(`<item><title>${title}</title></item>`)).title).toBe(expected);
  });
});

describe('XHTML content as HTML', () => {
  const xhtml = (inner: string) =>
    parseFeed(atom(`<entry><id>x</id><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${inner}</div></content></entry>`), { details: true }).items[0]!
      .contentHtml;
  it.each<[string, string, string]>([
    ['a void element with an end tag', '<p>one<br></br>two</p>', '<p>one<br />two</p>'],
    ['a self-closed void element', '<p>one<br/>two</p>', '<p>one<br/>two</p>'],
    ['an empty non-void element', '<p><span class="x"/>after</p>', '<p><span class="x"></span>after</p>'],
    ['prefixed elements and declarations', '<x:p xmlns:x="http://www.w3.org/1999/xhtml">a<x:hr></x:hr></x:p>', '<p>a<hr /></p>'],
  ])('%s', (_name, inner, html) => expect(xhtml(inner)).toBe(html));
});

describe('author names', () => {
  it.each<[string, string]>([
    ['jane@example.com (Jane Doe)', 'Jane Doe'],
    ['"Jane Doe" <jane@example.com>', 'Jane Doe'],
    ['Jane Doe', 'Jane Doe'],
    ['jane@example.com', 'jane@example.com'],
    ['(no address)', '(no address)'],
    ['Team <team at example.com>', 'Team <team at example.com>'],
  ])('%s', (raw, name) => expect(authorName(raw)).toBe(name));

  it.each(['@', '<!a', 'x@y <'])('a name of %s repeated 100,000 times is read as written', (unit) => {
    const raw = unit.repeat(100_000);
    expect(authorName(raw)).toBe(raw.trim());
  });
});
