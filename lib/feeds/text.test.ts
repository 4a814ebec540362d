import { describe, expect, it } from 'vitest';
import { decodeEntities, readInternalEntities } from './decode-entities';
import type { HtmlWork } from '../pages/parse-html';
import { collapseWhitespace, htmlToText, plainTextOf, rawToHtml, rawToText, stripTags, summarizeHtml, truncateOnWord, xhtmlToHtml } from './text';

describe('decodeEntities', () => {
  it.each([
    ['XML five', '&lt;p&gt; &amp; &quot;q&quot; &apos;a&apos;', '<p> & "q" \'a\''],
    ['HTML5 names', '&eacute;&nbsp;&hellip;&mdash;&NotEqualTilde;&hearts;', 'é\u00a0…—≂̸♥'],
    ['decimal and hex', '&#8220;&#x201D;&#X2014;&#169;', '“”—©'],
    ['C1 references as windows-1252', '&#150;&#147;&#128;', '–“€'],
    ['invalid code points', '&#0;&#xD800;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['legacy names without semicolon', '&copy 2024 &amp more', '© 2024 & more'],
    ['a bare ampersand survives', 'AT&T & friends; a&b=c', 'AT&T & friends; a&b=c'],
    ['unknown names survive', '&notanentity; &zzz;', '&notanentity; &zzz;'],
    ['one pass: double escaping stays single-decoded', '&amp;amp; &amp;lt;', '&amp; &lt;'],
  ])('%s', (_name, input, expected) => expect(decodeEntities(input)).toBe(expected));

  it('expands internal entities bounded, and never external ones', () => {
    const declared = readInternalEntities('<!ENTITY who "Partwise"><!ENTITY greet "Hi, &who;!"><!ENTITY x SYSTEM "file:///etc/passwd">');
    expect(decodeEntities('&greet; [&x;]', { declared, budget: 100 })).toBe('Hi, Partwise! []');
    expect(() => decodeEntities('&greet;'.repeat(20), { declared, budget: 100 })).toThrow(/expansion/);
  });

  it('fails fast on a billion laughs', () => {
    let subset = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= 9; i++) subset += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    expect(() => readInternalEntities(subset)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['single spaces stay', 'a b c', 'a b c'],
    ['one space at each end goes', ' a b ', 'a b'],
    ['a lone space', ' ', ''],
    ['runs of spaces', 'a   b', 'a b'],
    ['tabs, line feeds, form feeds, carriage returns', '\ta\n\nb\r\fc\n', 'a b c'],
    ['no-break spaces are text inside', 'a\u00a0 b', 'a\u00a0 b'],
    ['other spaces at the ends go', '\u00a0a\u2003', 'a'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => expect(collapseWhitespace(input)).toBe(expected));

  it('matches the rule on 2,000 random strings', () => {
    const alphabet = [' ', ' ', '\t', '\n', '\r', '\f', 'a', 'b', '\u00a0', '\u2003'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      let expected = text.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');
      if (expected.length > 0 && (expected.charCodeAt(0) > 127 || expected.charCodeAt(expected.length - 1) > 127)) expected = expected.trim();
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(expected);
    }
  });
});

describe('htmlToText', () => {
  it.each([
    ['tags and references', '<p>Caf&eacute; <b>au</b> lait</p><p>next</p>', 'Café au lait next'],
    ['inline tags join words', 'Ex<b>am</b>ple <a href="x">link</a>', 'Example link'],
    ['block tags separate words', 'one<br>two<li>three</li><p>four', 'one two three four'],
    ['script and style content', '<style>p{color:red}</style>text<script>alert(1)</script> more', 'text more'],
    ['comments', 'a<!-- hidden -->b', 'ab'],
    ['quoted > in attributes', '<img alt="a > b" src="x.png">after', 'after'],
    ['a lone < is text', '1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['whitespace collapsed, nbsp kept', '  a \n\t b&nbsp;c  ', 'a b\u00a0c'],
    ['double-escaped markup decodes once', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
  ])('%s', (_name, html, expected) => expect(htmlToText(html)).toBe(expected));

  it('keeps unknown tags as text where they may be text (RSS titles)', () => {
    expect(htmlToText('Why <code>Vec<T></code> is <em>not</em> a list', { knownOnly: true })).toBe('Why Vec<T> is not a list');
  });

  it('strips thousands of unclosed tags', () => {
    const hostile = 'before <a b="'.repeat(20000) + '<p'.repeat(20000);
    expect(stripTags(hostile, { truncated: true }).startsWith('before')).toBe(true);
  });
});

// Shapes that made the old regular expressions backtrack, at n and 2n: the work (parser events)
// at most doubles, plus a constant. Work is counted, never timed.
describe('linear on hostile markup', () => {
  it.each<[string, (n: number) => string, number]>([
    ['<!a repeated (an escaped channel description, decoded)', (n) => '<!a'.repeat(n), 50_000],
    ['<? repeated', (n) => 'x<?y'.repeat(n), 50_000],
    ['unclosed <a ', (n) => 'text <a '.repeat(n), 50_000],
    ['unclosed <link', (n) => '<link'.repeat(n), 50_000],
    ['unclosed quotes, then unclosed tags', (n) => '<a b="'.repeat(n) + '<p'.repeat(n), 20_000],
    ['deep nesting', (n) => '<div><span>'.repeat(n) + 'deep', 20_000],
    ['comments never closed', (n) => 'a<!--'.repeat(n), 50_000],
  ])('%s', (_name, shape, n) => {
    for (const knownOnly of [false, true]) {
      const small: HtmlWork = { events: 0 };
      const large: HtmlWork = { events: 0 };
      htmlToText(shape(n), { knownOnly, work: small });
      htmlToText(shape(2 * n), { knownOnly, work: large });
      expect(large.events).toBeLessThanOrEqual(2 * small.events + 16);
      expect(large.events).toBeLessThanOrEqual(shape(2 * n).length);
    }
  });

  it('keeps the text of a hostile document', () => {
    expect(htmlToText('<b>kept</b>' + '<div>'.repeat(10_000) + 'deep')).toBe('kept deep');
    expect(htmlToText('Vec<T> ' + '<a '.repeat(10_000), { knownOnly: true }).startsWith('Vec<T>')).toBe(true);
  });
});

describe('summaries', () => {
  it('cuts on a word boundary within 500 characters', () => {
    const text = 'word '.repeat(200);
    const cut = truncateOnWord(text.trim());
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('leaves short text alone', () => expect(truncateOnWord('short')).toBe('short'));

  it('reads only a prefix of a huge body', () => {
    const body = '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(200000) + '</p>';
    const summary = summarizeHtml(body) ?? '';
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(summary.startsWith('Lorem ipsum dolor sit amet.')).toBe(true);
  });

  it('drops a tag cut off by the prefix', () => {
    const body = '<p>' + 'x '.repeat(1020) + '<img src="' + 'y'.repeat(5000) + '"> tail ' + 'z '.repeat(400) + '</p>';
    expect(summarizeHtml(body)).not.toContain('<img');
  });
});

describe('raw XML content', () => {
  it.each([
    ['escaped HTML', '&lt;p&gt;a &amp;amp; b&lt;/p&gt;', '<p>a &amp; b</p>'],
    ['CDATA', '<![CDATA[<p>a &amp; b</p>]]>', '<p>a &amp; b</p>'],
    ['CDATA next to text', 'x &lt; <![CDATA[<b>y</b>]]>', 'x < <b>y</b>'],
    ['naked markup is kept, its CDATA escaped', '<p>a <![CDATA[<b>]]></p>', '<p>a &lt;b&gt;</p>'],
    ['comments dropped', '<!-- c -->&lt;p&gt;', '<p>'],
  ])('rawToHtml: %s', (_name, raw, expected) => expect(rawToHtml(raw)).toBe(expected));

  it('rawToText is the XML text content', () => {
    expect(rawToText('History of the &lt;blink&gt; tag')).toBe('History of the <blink> tag');
    expect(rawToText('a <b>bold</b> <![CDATA[<raw>]]>')).toBe('a bold <raw>');
  });

  it('xhtmlToHtml unwraps the Atom div and drops namespaces', () => {
    expect(xhtmlToHtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>A <xhtml:b>b</xhtml:b></p></div>', true)).toBe('<p>A <b>b</b></p>');
    expect(xhtmlToHtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>A</p></div>', false)).toBe('<div><p>A</p></div>');
  });
});

// Short values that may hold markup (OPML titles): the same stripper, known tags only.
describe('plainTextOf', () => {
  it.each([
    ['plain', 'Julia Evans', 'Julia Evans'],
    ['bold tags', '<b>Bold</b> title', 'Bold title'],
    ['script tag kept as inert text', '<script>alert(1)</script>Blog', 'alert(1) Blog'],
    ['attributes inside tags', '<img src=x onerror="alert(1)">Pic', 'Pic'],
    ['generics are not markup', 'Vec<T> and Option<Box<T>>', 'Vec<T> and Option<Box<T>>'],
    ['comparison', 'a < b > c', 'a < b > c'],
    ['unclosed tag left literal', 'x <b and more', 'x <b and more'],
    ['whitespace collapsed', '  a \n\t b\u00A0 c  ', 'a b c'],
    ['controls dropped', 'a\u0000b\u0007c\u007F', 'abc'],
    ['upper-case tags', '<SPAN>Hi</SPAN>', 'Hi'],
  ])('%s', (_why, input, expected) => {
    expect(plainTextOf(input, 1000)).toBe(expected);
  });

  it.each([
    ['long text capped', 'x'.repeat(5000), 1000],
    ['many unclosed tags', '<b '.repeat(500_000), 1000],
  ])('%s', (_why, input, max) => {
    expect(plainTextOf(input, max).length).toBeLessThanOrEqual(max);
  });
});
