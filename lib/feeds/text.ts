import { hasChildren, isTag, isText } from 'domhandler';
import { parseHtml, scanMarkup, type AnyNode, type HtmlWork } from '../pages/parse-html';
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

// Elements whose text a reader never sees.
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

export interface StripOptions {
  /** Strip only tags of known HTML elements (for fields where `<T>` may be text). */
  knownOnly?: boolean;
  /** The input is a prefix of a longer document: drop a tag cut off at its end. */
  truncated?: boolean;
  /** Counts the parser's events, to prove the work linear in tests. */
  work?: HtmlWork;
}

/**
 * The one tag stripper: removes tags and comments from markup that may also be text (RSS titles,
 * OPML names, the text content of raw XML), keeping everything else as written. Block-level tags
 * become a space, inline ones disappear; with `knownOnly`, only tags of HTML elements count, so
 * `Vec<T>` stays. Character references are left for the caller to decode. Built on the HTML
 * parser's tokenizer: linear in its input.
 */
export function stripTags(source: string, options: StripOptions = {}): string {
  if (source.indexOf('<') === -1) return source;
  let out = '';
  let last = 0;
  scanMarkup(
    source,
    (token) => {
      if (token.start < last) return;
      if (token.name !== undefined && options.knownOnly && !KNOWN.has(token.name)) return;
      out += source.slice(last, token.start);
      if (token.name !== undefined && !INLINE.has(token.name)) out += ' ';
      last = token.end;
    },
    options.work,
  );
  let rest = source.slice(last);
  if (options.truncated) {
    // A tag cut off by the prefix: drop it.
    const lt = rest.lastIndexOf('<');
    if (lt !== -1 && rest.indexOf('>', lt) === -1) {
      const c = rest.charCodeAt(lt + 1);
      if (isNameStart(c) || c === 47 || c === 33) rest = rest.slice(0, lt);
    }
  }
  return out + rest;
}

// The text a reader sees in a parsed fragment: hidden elements skipped, block elements set apart
// by a space, inline ones joined. Iterative, so deep nesting costs no stack.
const SPACE = Symbol('space');
function visibleText(root: AnyNode): string {
  let out = '';
  const stack: (AnyNode | typeof SPACE)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === SPACE) {
      out += ' ';
      continue;
    }
    if (isText(node)) {
      out += node.data;
      continue;
    }
    if (isTag(node)) {
      const block = !INLINE.has(node.name);
      if (block) out += ' ';
      if (HIDDEN.has(node.name)) continue;
      if (block) stack.push(SPACE);
    }
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Tab, line feed, form feed, carriage return and space: the whitespace HTML collapses (U+00A0 is not). */
export const isCollapsible = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * Collapses runs of ASCII whitespace (not U+00A0 and the other Unicode spaces) to one space and trims
 * them off the ends. One pass over the characters that copies only around the runs it replaces, so a
 * text already collapsed comes back as it is (listing pages collapse thousands of texts).
 */
export function collapseWhitespace(text: string): string {
  const collapsed = collapseRuns(text);
  // Other spaces at the ends go too (as `trim` takes them), which the rare non-ASCII end pays for.
  const n = collapsed.length;
  return n > 0 && (collapsed.charCodeAt(0) > 127 || collapsed.charCodeAt(n - 1) > 127) ? collapsed.trim() : collapsed;
}

// A run to collapse: a tab, line feed, form feed or carriage return, or two spaces in a row.
const RUN = /[\t\n\f\r]| {2}/;

function collapseRuns(text: string): string {
  // Most texts have single spaces only: the regex engine finds that faster than a loop here, and
  // then only a space at either end may need cutting.
  if (!RUN.test(text)) {
    const start = text.charCodeAt(0) === 32 ? 1 : 0;
    const end = text.length > start && text.charCodeAt(text.length - 1) === 32 ? text.length - 1 : text.length;
    return start === 0 && end === text.length ? text : text.slice(start, end);
  }
  const n = text.length;
  let start = 0;
  while (start < n && isCollapsible(text.charCodeAt(start))) start++;
  let out = '';
  let from = start;
  let i = start;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isCollapsible(code)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isCollapsible(text.charCodeAt(end))) end++;
    if (end === n) return out + text.slice(from, i);
    // A single space is already what it would become: it stays in the slice being copied.
    if (code !== 32 || end > i + 1) {
      out += `${text.slice(from, i)} `;
      from = end;
    }
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

// Control characters a title never shows (tab, line feed and carriage return are whitespace).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Plain text of a short value that may hold markup (an OPML title or address): known HTML tags
 * stripped, references decoded, control characters dropped, whitespace (no-break spaces included)
 * collapsed, at most `maxLength` characters. A huge value costs no more than its head.
 */
export function plainTextOf(text: string, maxLength: number): string {
  const head = text.length > maxLength * 8 ? text.slice(0, maxLength * 8) : text;
  return htmlToText(head.replace(CONTROLS, '').replace(/\u00a0/g, ' '), { knownOnly: true }).slice(0, maxLength).trim();
}

/**
 * Plain text of an HTML fragment: read by the project's HTML parser (references decoded, hidden
 * elements skipped, block elements set apart), whitespace collapsed. With `knownOnly` (fields
 * where `<T>` may be text), only the tags of HTML elements are stripped.
 */
export function htmlToText(html: string, options: StripOptions = {}): string {
  if (html.indexOf('<') === -1) return collapseWhitespace(decodeEntities(html));
  if (options.knownOnly) return collapseWhitespace(decodeEntities(stripTags(html, options)));
  // Markup never closed at the end of a whole value (`<!DOCTYPE ~`, `x <b and more`) is text; at the
  // end of a prefix it is a tag cut off, which the parser drops.
  const lt = options.truncated ? -1 : html.lastIndexOf('<');
  if (lt !== -1 && html.indexOf('>', lt) === -1 && !html.startsWith('<!--', lt)) {
    return collapseWhitespace(visibleText(parseHtml(html.slice(0, lt), options.work)) + decodeEntities(html.slice(lt)));
  }
  return collapseWhitespace(visibleText(parseHtml(html, options.work)));
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

/**
 * The text of raw inner XML: references decoded, CDATA as is, and child tags removed, or kept as
 * written with `keepMarkup` (an Atom text construct holding markup means that markup as text).
 */
export function rawToText(raw: string, context?: EntityContext, keepMarkup = false): string {
  if (raw.indexOf('<') === -1) return decodeEntities(raw, context);
  const { segments, hasMarkup } = splitRaw(raw);
  let out = '';
  for (const s of segments) {
    if (s.cdata) out += s.text;
    else out += decodeEntities(hasMarkup && !keepMarkup ? stripTags(s.text) : s.text, context);
  }
  return out;
}

// Elements HTML writes without an end tag: `<br></br>` from XHTML would render as two line breaks.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// A namespace declaration inside one tag; its value is bounded so a hostile tag stays linear.
const XMLNS_ATTR = /(?:^|\s)xmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]{0,4096}"|'[^']{0,4096}')/g;
const TAG_NAME = /^<\/?(?:[\w.-]+:)?([\w.-]+)/;

// One XHTML tag as HTML: prefix and namespace declarations dropped, void elements written
// `<br />` and their end tags dropped, other empty elements given an end tag.
function htmlTag(tag: string, closing: boolean): string {
  const m = TAG_NAME.exec(tag);
  if (!m) return tag;
  const name = m[1] as string;
  const isVoid = VOID.has(name.toLowerCase());
  if (closing) return isVoid ? '' : `</${name}>`;
  let rest = tag.slice(m[0].length, -1);
  if (rest.indexOf('xmlns') !== -1) rest = rest.replace(XMLNS_ATTR, '');
  const selfClosing = rest.endsWith('/');
  if (isVoid) return selfClosing ? `<${name}${rest}>` : `<${name}${rest} />`;
  return selfClosing ? `<${name}${rest.slice(0, -1).trimEnd()}></${name}>` : `<${name}${rest}>`;
}

// CDATA sections as escaped text, in one pass.
function escapeCdata(html: string): string {
  let out = '';
  let last = 0;
  for (let start = html.indexOf('<![CDATA['); start !== -1; start = html.indexOf('<![CDATA[', last)) {
    const end = html.indexOf(']]>', start + 9);
    out += html.slice(last, start) + escapeHtml(html.slice(start + 9, end === -1 ? html.length : end));
    last = end === -1 ? html.length : end + 3;
  }
  return out + html.slice(last);
}

/**
 * HTML from inline XHTML (Atom `type="xhtml"`, RSS `<xhtml:body>`): the wrapping `<div>` of
 * Atom 1.0 removed when asked, namespace declarations and prefixes dropped, CDATA escaped, and
 * empty elements written as HTML reads them. One pass over the tags.
 */
export function xhtmlToHtml(raw: string, unwrapDiv: boolean): string {
  let html = raw.trim();
  if (unwrapDiv) {
    const m = /^<(?:[\w.-]+:)?div\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*)<\/(?:[\w.-]+:)?div\s*>$/.exec(html);
    if (m) html = m[1] as string;
  }
  if (html.indexOf('<![CDATA[') !== -1) html = escapeCdata(html);
  let out = '';
  let last = 0;
  let nextGt = -2;
  for (let lt = html.indexOf('<'); lt !== -1; lt = html.indexOf('<', lt + 1)) {
    const closing = html.charCodeAt(lt + 1) === 47;
    const first = html.charCodeAt(lt + (closing ? 2 : 1));
    if (!isNameStart(first) && first !== 95 /* _ */) continue;
    if (nextGt !== -1 && nextGt < lt) nextGt = html.indexOf('>', lt);
    if (nextGt === -1) break;
    out += html.slice(last, lt) + htmlTag(html.slice(lt, nextGt + 1), closing);
    last = nextGt + 1;
    lt = nextGt;
  }
  return last === 0 ? html : out + html.slice(last);
}
