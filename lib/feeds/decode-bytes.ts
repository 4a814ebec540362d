/**
 * Bytes to text for feeds: the encoding comes from the byte order mark, then the XML declaration,
 * then the Content-Type charset, then UTF-8 (with a windows-1252 fallback when undeclared bytes
 * are not UTF-8). Anything `TextDecoder` knows is accepted; UTF-32, which it does not know, is
 * decoded here.
 *
 * Node 20.18.3 and later decode windows-1252 bytes 0x80–0x9F as C1 controls (nodejs/node#56542)
 * while browsers map them to € “ ” …; the bug is detected once and corrected, so Node (tests,
 * scripts) and the extension agree.
 */

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `utf-32le`, …). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'xml-declaration' | 'content-type' | 'sniffed' | 'default' | 'fallback';
}

const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

let c1Broken: boolean | undefined;
function windows1252IsBroken(): boolean {
  if (c1Broken === undefined) {
    try {
      c1Broken = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) !== '\u20ac';
    } catch {
      c1Broken = false;
    }
  }
  return c1Broken;
}

/** Normalizes a charset label (`"UTF8"`, `'utf_32'`, `u16`) and returns a decoder name or undefined. */
export function normalizeEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  let name = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (name === '') return undefined;
  name = name.replace(/_/g, '-');
  if (name === 'utf8') name = 'utf-8';
  if (/^(?:utf-?32|ucs-?4)(?:-?(be|le))?$/.test(name)) {
    const m = /(be|le)$/.exec(name);
    return m ? `utf-32${m[1]}` : 'utf-32';
  }
  if (name === 'u16' || name === 'utf16' || name === 'ucs-2' || name === 'ucs2') name = 'utf-16';
  if (name === 'utf16be') name = 'utf-16be';
  if (name === 'utf16le') name = 'utf-16le';
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (i === 0 && cp === 0xfeff) continue;
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal = false): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be' || encoding === 'utf-32') {
    const little = encoding === 'utf-32le' || (encoding === 'utf-32' && bytes[0] === 0xff && bytes[1] === 0xfe);
    return decodeUtf32(bytes, little);
  }
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  if (encoding === 'windows-1252' && windows1252IsBroken()) {
    return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string);
  }
  return text;
}

function sniffBom(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

// `<` (or `<?`) in a wide encoding without a byte order mark.
function sniffWide(b: Uint8Array): string | undefined {
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return 'utf-16be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return 'utf-16le';
  return undefined;
}

/** The `encoding` of an XML declaration at the start of `head` (ASCII-compatible bytes or text). */
export function declaredXmlEncoding(head: string): string | undefined {
  const m = /^[\s\ufeff]*<\?xml\s[^>]*?encoding\s*=\s*["']?([A-Za-z0-9._:-]+)/.exec(head);
  return m ? m[1] : undefined;
}

/** The charset parameter of a Content-Type header value. */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType);
  return m ? (m[1] as string).replace(/^["'\s]+|["'\s]+$/g, '') : undefined;
}

function asciiHead(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, 1024);
  let s = '';
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 0x3e /* > */ && s.includes('?')) {
      s += '>';
      break;
    }
    s += String.fromCharCode(c < 0x80 ? c : 0x3f);
  }
  return s;
}

/** Decodes a feed body to text (a leading BOM is not part of the text). */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bytes, bom), encoding: bom, source: 'bom' };

  // A wide encoding without a byte order mark shows in the bytes of `<?xml`, endianness included.
  const wide = sniffWide(bytes);
  if (wide) return { text: decodeWith(bytes, wide), encoding: wide, source: 'sniffed' };
  const declared = normalizeEncoding(declaredXmlEncoding(asciiHead(bytes)));
  // A declaration of a wide encoding over single-byte text is a mistake: ignore it.
  if (declared && !declared.startsWith('utf-16') && !declared.startsWith('utf-32')) {
    return { text: decodeWith(bytes, declared), encoding: declared, source: 'xml-declaration' };
  }
  const fromHeader = normalizeEncoding(contentTypeCharset(contentType));
  if (fromHeader && !fromHeader.startsWith('utf-16') && !fromHeader.startsWith('utf-32')) {
    return { text: decodeWith(bytes, fromHeader), encoding: fromHeader, source: 'content-type' };
  }
  try {
    return { text: decodeWith(bytes, 'utf-8', true), encoding: 'utf-8', source: 'default' };
  } catch {
    // Undeclared bytes that are not UTF-8 are, in practice, windows-1252.
    return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252', source: 'fallback' };
  }
}
