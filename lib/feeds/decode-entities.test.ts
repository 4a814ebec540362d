import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeXml, readInternalEntities } from './decode-entities';

// The one entity decoder serves feeds and OPML alike (references from the entities package's table).
describe('decodeEntities, on OPML attribute values', () => {
  it.each([
    ['no entities', 'plain', 'plain'],
    ['five predefined', '&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['decimal and hex references', '&#233;&#xE9;&#X1F600;', 'éé😀'],
    ['bare ampersand stays', 'a & b&c=1', 'a & b&c=1'],
    ['HTML names decode, unknown ones stay', '&nbsp;&xxe;&constructor;&__proto__;', '\u00a0&xxe;&constructor;&__proto__;'],
    ['invalid code points become U+FFFD', '&#0;&#xD800;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['malformed references stay', '&#;&#x;', '&#;&#x;'],
    ['double-encoded decodes once', '&amp;lt;', '&lt;'],
    ['unterminated legacy name', '&amp', '&'],
  ])('%s', (_why, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('escapeXml', () => {
  it.each([
    ['markup', '<a href="x">\'t\'</a>', '&lt;a href=&quot;x&quot;&gt;&apos;t&apos;&lt;/a&gt;'],
    ['ampersand', 'R&D', 'R&amp;D'],
    ['controls dropped, whitespace kept', 'a\u0000\u001Fb\t\n\r', 'ab&#9;&#10;&#13;'],
    ['unicode kept', 'Bücher 😀', 'Bücher 😀'],
    ['lone surrogate dropped', 'a\uD800b', 'ab'],
  ])('%s', (_why, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
    expect(decodeEntities(escapeXml(input))).toBe(decodeEntities(expected));
  });
});

describe('readInternalEntities on hostile subsets', () => {
  it.each<[string, string, RegExp]>([
    ['thousands of declarations never closed', '<!ENTITY a '.repeat(20_000), /too many/],
    ['a value never closed', '<!ENTITY a "' + 'x'.repeat(100_000), /never closed/],
  ])('%s is refused', (_name, subset, message) => {
    expect(() => readInternalEntities(subset)).toThrow(message);
  });

  it('reads declarations whose values hold the other quote and markup', () => {
    const declared = readInternalEntities(`<!ENTITY q "it's"><!ENTITY m '<b>"x"</b>'><!ENTITY e SYSTEM "file:///x"><!ENTITY % p "no">`);
    expect(Object.fromEntries(declared)).toEqual({ q: "it's", m: '<b>"x"</b>', e: '' });
  });
});
