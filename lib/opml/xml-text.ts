const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// The longest reference we decode is `&#x10FFFF;`; anything longer is plain text.
const MAX_ENTITY_LENGTH = 10;

/**
 * Decodes the five predefined XML entities and numeric character references. Anything
 * else (`&nbsp;`, a bare `&` in a URL) stays literal: no DTD entity is ever expanded.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1) break;
    const decoded = semi - amp <= MAX_ENTITY_LENGTH ? decodeReference(text.slice(amp + 1, semi)) : null;
    if (decoded !== null) {
      out += text.slice(from, amp) + decoded;
      from = semi + 1;
    }
    amp = text.indexOf('&', decoded !== null ? semi + 1 : amp + 1);
  }
  return out + text.slice(from);
}

function decodeReference(name: string): string | null {
  const named = Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  if (named !== undefined) return named;
  if (name.charAt(0) !== '#') return null;
  const hex = name.charAt(1) === 'x' || name.charAt(1) === 'X';
  const digits = name.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : null;
}

/** True for code points XML 1.0 allows in a document (no NUL, controls, surrogates). */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Escapes text for use inside a double-quoted XML attribute or element, dropping characters XML forbids. */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) continue;
    out += ESCAPES[char] ?? char;
  }
  return out;
}

// Tab and newlines are escaped so attribute-value normalisation does not turn them into spaces.
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};
