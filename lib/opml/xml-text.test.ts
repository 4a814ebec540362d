import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, escapeXml } from './xml-text.ts';

describe('decodeXmlEntities', () => {
  it.each([
    ['no entities', 'plain', 'plain'],
    ['five predefined', '&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['decimal and hex references', '&#233;&#xE9;&#X1F600;', 'éé😀'],
    ['bare ampersand stays', 'a & b&c=1', 'a & b&c=1'],
    ['unknown entity stays', '&nbsp;&xxe;&constructor;&__proto__;', '&nbsp;&xxe;&constructor;&__proto__;'],
    ['invalid code points stay', '&#0;&#xD800;&#x110000;&#;&#x;', '&#0;&#xD800;&#x110000;&#;&#x;'],
    ['double-encoded decodes once', '&amp;lt;', '&lt;'],
    ['overlong reference stays', '&#0000000000065;', '&#0000000000065;'],
    ['unterminated', '&amp', '&amp'],
  ])('%s', (_why, input, expected) => {
    expect(decodeXmlEntities(input)).toBe(expected);
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
    expect(decodeXmlEntities(escapeXml(input))).toBe(expected.includes('&') ? decodeXmlEntities(expected) : expected);
  });
});
