import { decodeEntities, escapeHtml, type EntityContext } from './decode-entities';

/** Longest summary, in characters (UTF-16 code units), ellipsis included. */
export const SUMMARY_MAX = 500;

// Elements whose tags join words rather than separate them when markup is turned into text.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

// HTML elements, for the ambiguous fields (RSS titles) where `Vec<T>` must stay text.
const KNOWN = new Set([
  ...INLINE, 'address', 'area', 'article', 'aside', 'audio', 'base', 'big', 'blink', 'blockquote', 'body',
  'br', 'button', 'canvas', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'head', 'header', 'hr', 'html', 'iframe', 'img', 'input', 'label', 'legend', 'li', 'link', 'main', 'map',
  'marquee', 'meta', 'nav', 'nobr', 'noscript', 'object', 'ol', 'optgroup', 'option', 'p', 'param',
  'picture', 'pre', 'rp', 'rt', 'ruby', 'script', 'section', 'select', 'source', 'style', 'summary', 'svg',
  'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'video',
]);

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export interface StripOptions {
  /** Strip only tags of known HTML elements (for fields where `<T>` may be text). */
  knownOnly?: boolean;
  /** The input is a prefix of a longer document: drop a tag cut off at its end. */
  truncated?: boolean;
}

// A start or end tag: quoted attribute values may hold `>` and `<`; an unquoted `<` ends the
// attempt (a tag never closed). Each alternative starts with a distinct character, so matching is
// linear (no catastrophic backtracking).
const TAG_SOURCE = `<(\\/?)([A-Za-z][\\w:.-]*)(?:[^>"'<]|"[^"]*"|'[^']*')*>`;
const INLINE_TAG_RE = new RegExp(`<\\/?(?:${[...INLINE].join('|')})(?=[\\s/>])(?:[^>"'<]|"[^"]*"|'[^']*')*>`, 'gi');
const ANY_TAG_RE = new RegExp(`${TAG_SOURCE}|<![A-Za-z][^>]*>|<\\?[^>]*>`, 'g');
const COMMENT_RE = /<!--[\s\S]*?(?:-->|$)/g;
const KNOWN_TAG_RE = new RegExp(TAG_SOURCE, 'g');
const SKIPPED_TEST = /<(?:script|style|template|noscript|head|title)[\s>]/i;
const SKIPPED_RE = /<(script|style|template|noscript|head|title)\b(?:[^>"'<]|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const CDATA_RE = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;

/**
 * Removes tags, comments and the content of script/style from HTML, without a DOM: block-level
 * tags become a space, inline ones disappear. Character references are left for the caller to
 * decode. A few native regex passes; every pattern is linear.
 */
export function stripTags(html: string, options: StripOptions = {}): string {
  if (html.indexOf('<') === -1) return html;
  if (options.knownOnly) {
    return html.replace(KNOWN_TAG_RE, (match, _slash: string, name: string) => {
      const lower = name.toLowerCase();
      return KNOWN.has(lower) ? (INLINE.has(lower) ? '' : ' ') : match;
    });
  }
  let text = html;
  if (text.indexOf('<![CDATA[') !== -1) text = text.replace(CDATA_RE, (_m, inner: string) => escapeHtml(inner));
  if (text.indexOf('<!--') !== -1) text = text.replace(COMMENT_RE, '');
  if (SKIPPED_TEST.test(text)) text = text.replace(SKIPPED_RE, ' ');
  text = text.replace(INLINE_TAG_RE, '').replace(ANY_TAG_RE, ' ');
  if (options.truncated) {
    // A tag cut off by the prefix: drop it.
    const lt = text.lastIndexOf('<');
    if (lt !== -1 && text.indexOf('>', lt) === -1) {
      const c = text.charCodeAt(lt + 1);
      if (isNameStart(c) || c === 47 || c === 33) text = text.slice(0, lt);
    }
  }
  return text;
}

const NEEDS_COLLAPSE = /[\t\n\f\r]| {2}/;

/** Collapses runs of ASCII whitespace (not U+00A0 and the other Unicode spaces) and trims. */
export function collapseWhitespace(text: string): string {
  if (text.length < 256 && !NEEDS_COLLAPSE.test(text)) return text.trim();
  // Single spaces are left alone: matching only longer runs and other whitespace is much faster.
  return text.replace(/ [\t\n\f\r ]+|[\t\n\f\r][\t\n\f\r ]*/g, ' ').trim();
}

/** Plain text of an HTML fragment: tags stripped, every reference decoded, whitespace collapsed. */
export function htmlToText(html: string, options?: StripOptions): string {
  return collapseWhitespace(decodeEntities(stripTags(html, options)));
}

// Punctuation and spaces not worth keeping before an ellipsis.
const TRAILING = new Set([...' \t\n,;:.-\u2013\u2014'].map((c) => c.charCodeAt(0)));

/** Cuts text to at most `max` characters on a word boundary, marking the cut with an ellipsis. */
export function truncateOnWord(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max - 1);
  if (cut < max * 0.6) {
    cut = max - 1;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  }
  let end = cut;
  while (end > 0 && TRAILING.has(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + '…';
}

/**
 * Summary text of an HTML body, computed from a bounded prefix: large bodies are never stripped
 * whole, the prefix only grows while it yields too little text.
 */
export function summarizeHtml(html: string): string | undefined {
  let size = 2048;
  for (;;) {
    const whole = html.length <= size;
    const text = htmlToText(whole ? html : html.slice(0, size), { truncated: !whole });
    if (whole || text.length > SUMMARY_MAX + 100) return text ? truncateOnWord(text) : undefined;
    size *= 4;
  }
}

/** Summary of a plain-text value. */
export function summarizeText(text: string): string | undefined {
  const collapsed = collapseWhitespace(text.length > 8192 ? text.slice(0, 8192) : text);
  return collapsed ? truncateOnWord(collapsed) : undefined;
}

interface RawParts {
  /** Character data: text (entities still encoded) and CDATA sections, in order. */
  segments: { text: string; cdata: boolean }[];
  /** Whether the raw content has element tags (naked markup). */
  hasMarkup: boolean;
}

// Splits the raw inner XML of an element into character data and markup; comments and processing
// instructions are dropped.
function splitRaw(raw: string): RawParts {
  const segments: RawParts['segments'] = [];
  let hasMarkup = false;
  let last = 0;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const lt = raw.indexOf('<', i);
    if (lt === -1) break;
    if (raw.startsWith('<![CDATA[', lt)) {
      if (lt > last) segments.push({ text: raw.slice(last, lt), cdata: false });
      const close = raw.indexOf(']]>', lt + 9);
      segments.push({ text: raw.slice(lt + 9, close === -1 ? n : close), cdata: true });
      last = i = close === -1 ? n : close + 3;
    } else if (raw.startsWith('<!--', lt)) {
      if (lt > last) segments.push({ text: raw.slice(last, lt), cdata: false });
      const close = raw.indexOf('-->', lt + 4);
      last = i = close === -1 ? n : close + 3;
    } else if (raw.charCodeAt(lt + 1) === 63 /* ? */) {
      if (lt > last) segments.push({ text: raw.slice(last, lt), cdata: false });
      const close = raw.indexOf('?>', lt + 2);
      last = i = close === -1 ? n : close + 2;
    } else {
      const c = raw.charCodeAt(lt + 1);
      if (isNameStart(c) || (c === 47 && isNameStart(raw.charCodeAt(lt + 2)))) hasMarkup = true;
      i = lt + 1;
    }
  }
  if (last < n) segments.push({ text: raw.slice(last), cdata: false });
  return { segments, hasMarkup };
}

/**
 * The HTML an element's raw inner XML stands for: escaped HTML and CDATA are decoded to HTML
 * source; naked (unescaped) markup is already HTML and kept, its CDATA sections escaped.
 */
export function rawToHtml(raw: string, context?: EntityContext): string {
  if (raw.indexOf('<') === -1) return decodeEntities(raw, context);
  const { segments, hasMarkup } = splitRaw(raw);
  let out = '';
  for (const s of segments) {
    if (hasMarkup) out += s.cdata ? escapeHtml(s.text) : s.text;
    else out += s.cdata ? s.text : decodeEntities(s.text, context);
  }
  return out;
}

/** The XML text content of raw inner XML: child tags removed, references decoded, CDATA as is. */
export function rawToText(raw: string, context?: EntityContext): string {
  if (raw.indexOf('<') === -1) return decodeEntities(raw, context);
  const { segments, hasMarkup } = splitRaw(raw);
  let out = '';
  for (const s of segments) {
    if (s.cdata) out += s.text;
    else out += decodeEntities(hasMarkup ? stripTags(s.text) : s.text, context);
  }
  return out;
}

/**
 * HTML from inline XHTML (Atom `type="xhtml"`, RSS `<xhtml:body>`): the wrapping `<div>` of
 * Atom 1.0 removed when asked, namespace declarations and prefixes dropped, CDATA escaped.
 */
export function xhtmlToHtml(raw: string, unwrapDiv: boolean): string {
  let html = raw.trim();
  if (unwrapDiv) {
    const m = /^<(?:[\w.-]+:)?div\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*)<\/(?:[\w.-]+:)?div\s*>$/.exec(html);
    if (m) html = m[1] as string;
  }
  if (html.indexOf('xmlns') !== -1) html = html.replace(/\s+xmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
  if (html.indexOf(':') !== -1) html = html.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g, '<$1');
  if (html.indexOf('<![CDATA[') !== -1) html = html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => escapeHtml(text));
  return html;
}
