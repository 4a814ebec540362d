import { describe, expect, it } from 'vitest';
import { contentTypeCharset, decodeBytes, declaredXmlEncoding, normalizeEncoding } from './decode-bytes';

const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...ascii(p)] : p)));

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const points = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.codePointAt(0) as number);
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return out;
}

describe('decodeBytes', () => {
  const doc = '<?xml version="1.0" encoding="utf-16"?><rss><channel><title>日本語 ✓</title></channel></rss>';

  it.each<[string, Uint8Array, string | undefined, string, string]>([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '<rss/>'), undefined, 'utf-8', '<rss/>'],
    ['UTF-16LE BOM', utf16(doc, true, true), undefined, 'utf-16le', doc],
    ['UTF-16BE BOM', utf16(doc, false, true), undefined, 'utf-16be', doc],
    ['UTF-16LE without BOM', utf16(doc, true, false), undefined, 'utf-16le', doc],
    ['UTF-16BE without BOM', utf16(doc, false, false), undefined, 'utf-16be', doc],
    ['UTF-32LE BOM', utf32('<rss>𝄞</rss>', true, true), undefined, 'utf-32le', '<rss>𝄞</rss>'],
    ['UTF-32BE without BOM', utf32('<rss>𝄞</rss>', false, false), undefined, 'utf-32be', '<rss>𝄞</rss>'],
    ['XML declaration', bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>', [0xe9], '</t>'), undefined, 'windows-1252', '<?xml version="1.0" encoding="ISO-8859-1"?><t>é</t>'],
    ['declaration before Content-Type', bytes('<?xml version="1.0" encoding="windows-1251"?><t>', [0xcf], '</t>'), 'text/xml; charset=utf-8', 'windows-1251', '<?xml version="1.0" encoding="windows-1251"?><t>П</t>'],
    ['BOM before declaration', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="iso-8859-1"?><t>é</t>'), undefined, 'utf-8', '<?xml version="1.0" encoding="iso-8859-1"?><t>é</t>'],
    ['Content-Type charset', bytes('<t>', [0xcf, 0xf0], '</t>'), 'application/rss+xml; charset="windows-1251"', 'windows-1251', '<t>Пр</t>'],
    ['GB2312 from Content-Type', bytes('<t>', [0xc4, 0xe3], '</t>'), "application/atom+xml;charset='gb2312'", 'gbk', '<t>你</t>'],
    ['undeclared UTF-8', bytes('<t>', [0xc3, 0xa9], '</t>'), undefined, 'utf-8', '<t>é</t>'],
    ['undeclared bytes that are not UTF-8', bytes('<t>', [0xe9, 0x93], '</t>'), undefined, 'windows-1252', '<t>é“</t>'],
    ['a wide declaration over single bytes', bytes('<?xml version="1.0" encoding="UTF-16"?><t>x</t>'), undefined, 'utf-8', '<?xml version="1.0" encoding="UTF-16"?><t>x</t>'],
  ])('%s', (_name, input, contentType, encoding, text) => {
    const decoded = decodeBytes(input, contentType);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });

  // Node 20.18.3+ decodes these bytes as C1 controls (nodejs/node#56542); browsers and we do not.
  it('maps windows-1252 bytes 0x80-0x9F as browsers do, in Node too', () => {
    const c1 = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const { text } = decodeBytes(bytes('<?xml version="1.0" encoding="windows-1252"?>', c1));
    expect(text.slice(-32)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });
});

describe('encoding labels', () => {
  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?>', 'UTF-8'],
    ["\ufeff  <?xml version='1.0' encoding='iso-8859-15' standalone='yes'?>", 'iso-8859-15'],
    ['<?xml version="1.0"?>', undefined],
    ['<rss encoding="x">', undefined],
  ])('declaration %j', (head, expected) => expect(declaredXmlEncoding(head)).toBe(expected));

  it.each([
    ['text/xml; charset=UTF-8', 'UTF-8'],
    ['application/rss+xml;charset= "us-ascii"', 'us-ascii'],
    ['text/xml; qs=0.9', undefined],
    ['text/xml; charset:iso-8859-1', undefined],
  ])('Content-Type %j', (header, expected) => expect(contentTypeCharset(header)).toBe(expected));

  it.each([
    ['utf8', 'utf-8'],
    ['UTF_32', 'utf-32'],
    ['utf-32le', 'utf-32le'],
    ['latin1', 'windows-1252'],
    ['x-no-such-charset', undefined],
  ])('normalizes %j', (label, expected) => expect(normalizeEncoding(label)).toBe(expected));
});
