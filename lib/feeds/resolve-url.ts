/**
 * URL resolution for feeds: every URL a feed gives is made absolute against its `xml:base`
 * chain, then the feed's own URL; only `http:` and `https:` survive.
 */

const SCHEME_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

// Absolute http(s) URLs already in the form the URL parser would return (lowercase host, a
// path, no port, no dot segments, only characters it leaves alone): returned as they are, which
// spares most links of a feed a trip through the parser.
const CANONICAL_URL_RE = /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\/(?:[A-Za-z0-9\-_~!$&()*+,;=:@/%]|\.(?![./?#]|$))*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?(?:#[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;

/** The absolute http(s) URL `value` denotes relative to `base`, or undefined. */
export function resolveUrl(value: string | undefined, base?: string): string | undefined {
  if (value === undefined) return undefined;
  let text = value.trim();
  if (text === '') return undefined;
  if (CANONICAL_URL_RE.test(text) && !text.includes('/./') && !text.includes('/../') && !/%(?![0-9A-Fa-f]{2})/.test(text)) return text;
  if (base === undefined && text.startsWith('//')) text = 'https:' + text;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/**
 * An id (guid, atom:id) as feed readers compare it: one written as a relative reference with a
 * path (`/2024/05/post`, `posts/42`) is made absolute against `base`; anything else (a URN, a
 * number, a UUID, an absolute URL) is kept exactly as written.
 */
export function resolveId(id: string, base: string | undefined): string {
  if (base === undefined || id.indexOf('/') === -1 || SCHEME_RE.test(id) || /\s/.test(id)) return id;
  try {
    return new URL(id, base).href;
  } catch {
    return id;
  }
}

/**
 * A new base after an `xml:base` attribute: the attribute resolved against the current base. Any
 * scheme may serve as a base; an unusable attribute leaves the base as it was.
 */
export function resolveBase(base: string | undefined, xmlBase: string | undefined): string | undefined {
  if (xmlBase === undefined) return base;
  const text = xmlBase.trim();
  if (text === '') return base;
  try {
    return base === undefined ? new URL(text).href : new URL(text, base).href;
  } catch {
    return base;
  }
}

// URL-valued attributes of HTML (`srcset` holds a list).
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'action', 'formaction', 'data', 'srcset']);

function resolveOne(value: string, base: string): string | undefined {
  const text = value.trim();
  if (text === '' || text.charCodeAt(0) === 35 /* # */ || SCHEME_RE.test(text)) return undefined;
  try {
    // References in attribute values are still encoded (`&amp;`): resolve the decoded form.
    const decoded = text.indexOf('&amp;') === -1 ? text : text.replace(/&amp;/g, '&');
    return new URL(decoded, base).href.replace(/&/g, '&amp;').replace(/"/g, '%22');
  } catch {
    return undefined;
  }
}

function resolveSrcset(value: string, base: string): string | undefined {
  let changed = false;
  const parts = value.split(',').map((candidate) => {
    const m = /^(\s*)(\S+)(.*)$/s.exec(candidate);
    if (!m) return candidate;
    const resolved = resolveOne(m[2] as string, base);
    if (resolved === undefined) return candidate;
    changed = true;
    return m[1] + resolved + m[3];
  });
  return changed ? parts.join(',') : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function isAttrNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Makes the relative URLs in an HTML fragment absolute (`href`, `src`, `srcset`, …), so the
 * fragment still works when shown away from its site. Absolute URLs, fragments (`#note-1`) and
 * other schemes are left exactly as published; sanitizing is the display's job. One pass over the
 * `=` signs of the fragment, no regex over the whole body.
 */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (base === undefined) return html;
  let out = '';
  let last = 0;
  let eq = html.indexOf('=');
  while (eq !== -1) {
    // The attribute name before `=`.
    let end = eq;
    while (end > 0 && isSpace(html.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isAttrNameChar(html.charCodeAt(start - 1))) start--;
    const nameLength = end - start;
    if (nameLength >= 3 && nameLength <= 10 && start > 0 && isSpace(html.charCodeAt(start - 1))) {
      const name = html.slice(start, end).toLowerCase();
      if (URL_ATTRS.has(name)) {
        // The value after `=`: quoted or bare.
        let v = eq + 1;
        while (v < html.length && isSpace(html.charCodeAt(v))) v++;
        const q = html.charCodeAt(v);
        let valueStart = v;
        let valueEnd: number;
        if (q === 34 || q === 39) {
          valueStart = v + 1;
          valueEnd = html.indexOf(q === 34 ? '"' : "'", valueStart);
        } else {
          valueEnd = valueStart;
          while (valueEnd < html.length && !isSpace(html.charCodeAt(valueEnd)) && html.charCodeAt(valueEnd) !== 62) valueEnd++;
        }
        if (valueEnd !== -1) {
          const value = html.slice(valueStart, valueEnd);
          const resolved = name === 'srcset' ? resolveSrcset(value, base) : resolveOne(value, base);
          if (resolved !== undefined) {
            out += html.slice(last, eq + 1) + '"' + resolved + '"';
            last = q === 34 || q === 39 ? valueEnd + 1 : valueEnd;
          }
          eq = html.indexOf('=', Math.max(valueEnd, eq + 1));
          continue;
        }
      }
    }
    eq = html.indexOf('=', eq + 1);
  }
  return last === 0 ? html : out + html.slice(last);
}
