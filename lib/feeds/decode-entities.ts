import { FeedError } from './feed-error';
import { decodeHTML, DecodingMode, replaceCodePoint } from 'entities/decode';

/**
 * Entities a document declared in its own internal DTD subset, already expanded (bounded, see
 * `readInternalEntities`) to literal text, plus a budget for how much text their references may
 * still insert. No external entity is ever read.
 */
export interface EntityContext {
  readonly declared: Map<string, string>;
  /** Characters that references to declared entities may still insert into this document. */
  budget: number;
}

/** Characters that references to declared entities may insert into one document, in all. */
export const DECLARED_ENTITY_BUDGET = 1_000_000;
const MAX_ENTITY_VALUE = 16_384;
const MAX_ENTITY_DECLARATIONS = 512;

/** The character of a numeric reference, as HTML reads it (C1 controls as windows-1252, invalid code points as U+FFFD). */
export function codePointToString(code: number): string {
  return String.fromCodePoint(code > 0x10ffff ? 0xfffd : replaceCodePoint(code));
}

const ALPHANUMERIC = /[A-Za-z0-9]/;

/**
 * The text of a named reference, from the WHATWG table the `entities` package maintains: with a
 * semicolon, any of the 2,231 names; without, only the legacy names HTML accepts bare (`&copy`),
 * and only as a whole name (`&copyx` is not `©x`).
 */
function namedEntity(name: string, semicolon: boolean): string | undefined {
  const source = semicolon ? `&${name};` : `&${name}`;
  const decoded = decodeHTML(source, semicolon ? DecodingMode.Strict : DecodingMode.Legacy);
  if (decoded === source || (!semicolon && ALPHANUMERIC.test(decoded))) return undefined;
  return decoded;
}

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z][A-Za-z0-9]{0,40}))(;?)/g;
const ENTITY_AT = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z][A-Za-z0-9]{0,40}))(;?)/y;

function decodeOne(
  match: string,
  hex: string | undefined,
  dec: string | undefined,
  name: string | undefined,
  semi: string,
  context: EntityContext | undefined,
): string {
  if (hex !== undefined) return codePointToString(parseInt(hex, 16));
  if (dec !== undefined) return codePointToString(parseInt(dec, 10));
  const n = name as string;
  if (context && context.declared.size > 0 && semi) {
    const value = context.declared.get(n);
    if (value !== undefined) {
      if (value === '') return value;
      context.budget -= value.length;
      if (context.budget < 0) throw new FeedError('malformed', 'entity expansion limit exceeded');
      return value;
    }
  }
  return namedEntity(n, semi !== '') ?? match;
}

/**
 * Decodes character references the way a forgiving reader must: XML's five, every named HTML5
 * reference (feeds use `&nbsp;`, `&eacute;` without declaring them), decimal and hex references,
 * and the legacy names HTML accepts without a semicolon. Unknown names are left as they are, so a
 * bare `&` survives. One pass: the output is never re-scanned, so expansion is bounded.
 */
export function decodeEntities(text: string, context?: EntityContext): string {
  let i = text.indexOf('&');
  if (i === -1) return text;
  // Pieces joined once at the end: a long chain of `+=` keeps every piece alive as a rope, which
  // made dense references (`&lt;` every few characters) cost more per MB as documents grew.
  const out: string[] = [];
  let last = 0;
  while (i !== -1) {
    // The common references first, without a regex.
    const c1 = text.charCodeAt(i + 1);
    let replacement: string | undefined;
    let length = 0;
    if ((c1 === 108 || c1 === 103) && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 59) {
      replacement = c1 === 108 ? '<' : '>';
      length = 4;
    } else if (c1 === 97 && text.startsWith('amp;', i + 1)) {
      replacement = '&';
      length = 5;
    } else if (c1 === 113 && text.startsWith('quot;', i + 1)) {
      replacement = '"';
      length = 6;
    } else {
      ENTITY_AT.lastIndex = i;
      const m = ENTITY_AT.exec(text);
      if (m) {
        const decoded = decodeOne(m[0], m[1], m[2], m[3], m[4] as string, context);
        if (decoded !== m[0]) {
          replacement = decoded;
          length = m[0].length;
        }
      }
    }
    if (replacement !== undefined) {
      if (i > last) out.push(text.slice(last, i));
      out.push(replacement);
      last = i + length;
    }
    i = text.indexOf('&', i + (length || 1));
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

// The start of one declaration: parameter marker and name (sticky, so it reads only where asked).
const DECLARATION_HEAD = /<!ENTITY\s+(%\s*)?([A-Za-z_][\w.:-]*)\s+/y;
// Longest stretch searched for the end of an external declaration (its `>`).
const MAX_DECLARATION = 4096;

/** Expands the references in one declared value (bounded), against the entities declared before it. */
function expandValue(raw: string, declared: Map<string, string>): string {
  let expanded = 0;
  const value = raw.replace(ENTITY_RE, (match, hex: string | undefined, dec: string | undefined, name: string | undefined, semi: string) => {
    let out = match;
    if (hex !== undefined) out = codePointToString(parseInt(hex, 16));
    else if (dec !== undefined) out = codePointToString(parseInt(dec, 10));
    else if (semi && name !== undefined) out = declared.get(name) ?? namedEntity(name, true) ?? match;
    expanded += out.length;
    if (expanded > MAX_ENTITY_VALUE) throw new FeedError('malformed', 'entity expansion limit exceeded');
    return out;
  });
  if (value.length > MAX_ENTITY_VALUE) throw new FeedError('malformed', 'entity expansion limit exceeded');
  return value;
}

/**
 * Reads the general internal entities of a DOCTYPE internal subset into literal text. Values are
 * expanded when declared, each limited in size: a "billion laughs" chain fails on its third or
 * fourth level with a FeedError, long before any large allocation. External (SYSTEM / PUBLIC) and
 * parameter entities are ignored, never fetched. Linear: every declaration is read within a
 * bounded stretch, and past 512 declarations the subset is refused.
 */
export function readInternalEntities(subset: string): Map<string, string> {
  const declared = new Map<string, string>();
  let count = 0;
  for (let at = subset.indexOf('<!ENTITY'); at !== -1; at = subset.indexOf('<!ENTITY', at + 8)) {
    if (++count > MAX_ENTITY_DECLARATIONS) throw new FeedError('malformed', 'too many entity declarations');
    DECLARATION_HEAD.lastIndex = at;
    const head = DECLARATION_HEAD.exec(subset);
    if (!head) continue;
    const name = head[2] as string;
    const start = DECLARATION_HEAD.lastIndex;
    const quote = subset[start];
    if (quote !== '"' && quote !== "'") {
      // External entity: never read, its references vanish (unless something declared it first).
      const end = subset.slice(start, start + MAX_DECLARATION).indexOf('>');
      if (end !== -1 && head[1] === undefined && !declared.has(name)) declared.set(name, '');
      continue;
    }
    const close = subset.slice(start + 1, start + 2 + MAX_ENTITY_VALUE).indexOf(quote);
    if (close === -1) throw new FeedError('malformed', 'entity value too long or never closed');
    if (head[1] !== undefined || declared.has(name)) continue; // parameter entity; the first declaration binds
    declared.set(name, expandValue(subset.slice(start + 1, start + 1 + close), declared));
  }
  return declared;
}

const ESCAPE_TEST = /[&<>"]/;
const ESCAPE_RE = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for use as HTML content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return ESCAPE_TEST.test(text) ? text.replace(ESCAPE_RE, (c) => ESCAPES[c] as string) : text;
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

// Tab and newlines are escaped so attribute-value normalisation does not turn them into spaces.
const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Escapes text for use inside a double-quoted XML attribute or element, dropping characters XML forbids. */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) continue;
    out += XML_ESCAPES[char] ?? char;
  }
  return out;
}
