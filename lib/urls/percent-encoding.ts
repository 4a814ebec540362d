// RFC 3986 unreserved characters plus the delimiters that may appear literally in a
// path segment; everything else is percent-encoded so that `%7E`/`~`, `%c3%a9`/`é`
// and `a|b`/`a%7Cb` all produce the same text.
const PATH_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
// In a query name or value `&`, `=` and `+` are structural, so they stay encoded.
const QUERY_SAFE = /^[A-Za-z0-9\-._~!$'()*,;:@/?]$/;

/** Canonical form of one path segment (no `/` inside): decoded, then re-encoded one way. */
export function canonicalPathSegment(segment: string): string {
  const decoded = decodeOrNull(segment);
  return decoded === null ? upperCaseEscapes(segment) : reencode(decoded, PATH_SAFE);
}

/** Canonical form of one query name or value, reading `+` as a space like HTML forms do. */
export function canonicalQueryComponent(component: string): string {
  const spaced = plusToSpace(component);
  const decoded = decodeOrNull(spaced);
  return decoded === null ? upperCaseEscapes(spaced.split(' ').join('%20')) : reencode(decoded, QUERY_SAFE);
}

/** Decoded query name or value (for comparisons); the raw text when it cannot be decoded. */
export function decodeQueryComponent(component: string): string {
  const spaced = plusToSpace(component);
  return decodeOrNull(spaced) ?? spaced;
}

function plusToSpace(text: string): string {
  return text.includes('+') ? text.split('+').join(' ') : text;
}

/** Decodes percent escapes, or returns null when they are not valid UTF-8. */
function decodeOrNull(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Broken escapes (e.g. Latin-1 `%E9`) cannot be decoded; callers then keep the
    // raw text with upper-case hex, which is still a stable key.
    return null;
  }
}

function reencode(decoded: string, safe: RegExp): string {
  let out = '';
  for (const char of decoded) {
    out += safe.test(char) ? char : encodeChar(char);
  }
  return out;
}

function encodeChar(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    // A lone surrogate cannot be UTF-8 encoded; U+FFFD is what the URL parser uses too.
    return '%EF%BF%BD';
  }
}

function upperCaseEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '%' && i + 2 < text.length) {
      out += `%${text.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else {
      out += char;
    }
  }
  return out;
}
