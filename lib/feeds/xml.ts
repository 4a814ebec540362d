/**
 * The XML layer: fast-xml-parser configured for feeds, and helpers over its ordered tree.
 *
 * - No DTD is ever processed by the engine: the DOCTYPE is cut out before parsing; its internal
 *   entities are read by `readInternalEntities` (bounded, never external) and applied by our own
 *   decoder. `processEntities` is off, so every text and attribute value arrives raw.
 * - Elements whose content is HTML or text constructs are `stopNodes`: kept as raw inner XML,
 *   which costs one scan instead of a parse of every tag and character of large bodies.
 * - Slop is repaired or tolerated: leading junk before `<`, an unterminated final tag, unclosed
 *   elements (a second, stop-node-free pass takes over when a stop node is never closed).
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { readInternalEntities, decodeEntities, type EntityContext, DECLARED_ENTITY_BUDGET } from './decode-entities';
import { FeedError } from './feed-error';
import { resolveBase } from './resolve-url';
import { rawToText } from './text';

/** A node of fast-xml-parser's ordered tree. */
export type XNode = Record<string, unknown>;
export type Attrs = Record<string, string>;

// Text constructs and HTML bodies, by the names (prefixes included) feeds use for them: kept as
// raw inner XML, one scan instead of a parse of every tag and character of large bodies.
const CONTENT_TAGS = [
  'title', 'description', 'content:encoded', 'content', 'summary', 'subtitle', 'tagline', 'body',
  'fullitem', 'itunes:summary', 'itunes:subtitle', 'media:description', 'media:title', 'dc:description',
  'dc:title', 'atom:title', 'atom:content', 'atom:summary', 'atom:subtitle', 'xhtml:body',
];
// Leaf elements with short text: as stop nodes their text is one substring instead of being
// gathered character by character.
const LEAF_TAGS = [
  'link', 'guid', 'pubDate', 'category', 'dc:creator', 'dc:date', 'dc:subject', 'id', 'published', 'updated',
  'issued', 'modified', 'name', 'email', 'uri', 'comments', 'lastBuildDate', 'language', 'generator',
  'feedburner:origLink', 'wfw:commentRss', 'slash:comments', 'itunes:author', 'itunes:duration',
  'itunes:explicit', 'itunes:episodeType', 'itunes:episode', 'itunes:season', 'itunes:title',
  'itunes:keywords', 'media:credit', 'media:keywords', 'media:rating', 'media:copyright',
];
const STOP_TAGS = [...CONTENT_TAGS, ...LEAF_TAGS];

// Names the engine refuses because they would pollute prototypes: renamed, so a feed using one
// is still read (a per-name callback, cheaper than scanning every document for them).
const CRITICAL_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const renameCritical = (name: string): string => (CRITICAL_NAMES.has(name) ? `x-${name}` : name);

const BASE_OPTIONS: Partial<X2jOptions> = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: false,
  jPath: false,
  maxNestedTags: 256,
  transformTagName: renameCritical,
  transformAttributeName: renameCritical,
};

let fastParser: XMLParser | undefined;
let lenientParser: XMLParser | undefined;

function parsers(): [XMLParser, XMLParser] {
  fastParser ??= new XMLParser({ ...BASE_OPTIONS, stopNodes: STOP_TAGS.map((t) => '..' + t) });
  lenientParser ??= new XMLParser({ ...BASE_OPTIONS });
  return [fastParser, lenientParser];
}

let documentParser: XMLParser | undefined;
const METADATA = XMLParser.getMetaDataSymbol();

/** Where a document stops being well-formed XML (1-based line, the parser's words), or undefined when it is well-formed. */
export function xmlProblem(text: string): { line: number; message: string } | undefined {
  const verdict = XMLValidator.validate(text);
  return verdict === true ? undefined : { line: verdict.err.line, message: verdict.err.msg };
}

/**
 * Parses a whole document of a strict format (OPML) into the same ordered tree, without stop
 * nodes, recording where each element starts (`startIndexOf`). Entities are left to
 * `decodeEntities`, names that would pollute prototypes are renamed, nesting is bounded.
 */
export function parseXmlDocument(text: string): XNode[] {
  documentParser ??= new XMLParser({ ...BASE_OPTIONS, captureMetaData: true });
  return documentParser.parse(text) as XNode[];
}

/** Offset of an element's `<` in the text `parseXmlDocument` read. */
export function startIndexOf(node: XNode): number | undefined {
  const meta: unknown = (node as Record<symbol, unknown>)[METADATA as symbol];
  if (typeof meta !== 'object' || meta === null || !('startIndex' in meta)) return undefined;
  return typeof meta.startIndex === 'number' ? meta.startIndex : undefined;
}

export interface PreparedXml {
  xml: string;
  entities: EntityContext;
}

interface Prolog {
  /** Index of the root element's start tag, or -1. */
  root: number;
  /** Start and end (exclusive) of a `<!DOCTYPE …>`, if the prolog has one. */
  doctype?: [number, number];
}

/** Walks the prolog (declaration, comments, processing instructions, DOCTYPE) up to the root. */
export function readProlog(text: string, from = 0): Prolog {
  let i = from;
  const n = text.length;
  let doctype: [number, number] | undefined;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) break;
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) break;
        i = end + 3;
      } else {
        const end = doctypeEnd(text, lt);
        if (/^<!doctype/i.test(text.slice(lt, lt + 9))) doctype ??= [lt, end === -1 ? n : end];
        if (end === -1) break;
        i = end;
      }
    } else {
      return { root: lt, doctype };
    }
  }
  return { root: -1, doctype };
}

// End (exclusive) of a `<!DOCTYPE …>` (or other `<!…>`) starting at `start`, internal subset included.
function doctypeEnd(text: string, start: number): number {
  let quote = 0;
  let inSubset = false;
  for (let i = start + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 91 /* [ */) {
      inSubset = true;
    } else if (c === 93 /* ] */) {
      inSubset = false;
    } else if (c === 62 /* > */ && !inSubset) {
      return i + 1;
    } else if (inSubset && c === 60 /* < */ && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 2;
    }
  }
  return -1;
}

/** The name of the root element (`rss`, `rdf:RDF`, `feed`, `html`, …) or undefined. */
export function rootElementName(text: string): string | undefined {
  const { root } = readProlog(text);
  if (root === -1) return undefined;
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(root, root + 200));
  return m ? m[1] : undefined;
}

/**
 * Removes what must not reach the engine (the DOCTYPE) and repairs what it cannot read
 * (junk before the first `<`, an unterminated final tag).
 */
export function prepareXml(input: string): PreparedXml {
  let text = input;
  const first = text.indexOf('<');
  if (first > 0) text = text.slice(first);
  let declared = new Map<string, string>();

  // A DOCTYPE in the prolog: cut it out, keep its internal entities (bounded, never external).
  const { doctype } = readProlog(text);
  if (doctype) {
    const [start, end] = doctype;
    const decl = text.slice(start, end);
    const open = decl.indexOf('[');
    if (open !== -1) declared = readInternalEntities(decl.slice(open + 1));
    text = text.slice(0, start) + text.slice(end);
  }

  // `</rss` at the very end: close it. A tag cut off mid-way: drop it.
  let tail = text.length - 1;
  while (tail >= 0 && text.charCodeAt(tail) <= 32) tail--;
  const lastLt = text.lastIndexOf('<', tail);
  if (lastLt !== -1 && text.indexOf('>', lastLt) === -1) {
    const fragment = text.slice(lastLt, tail + 1);
    text = /^<\/[A-Za-z_][\w.:-]*\s*$/.test(fragment) ? text.slice(0, tail + 1) + '>' : text.slice(0, lastLt);
  }
  return { xml: text, entities: { declared, budget: DECLARED_ENTITY_BUDGET } };
}

/** Parses prepared XML into fast-xml-parser's ordered tree. */
export function parseXmlTree(xml: string): XNode[] {
  const [fast, lenient] = parsers();
  try {
    return fast.parse(xml) as XNode[];
  } catch {
    // A stop node never closed, or similar: parse every element instead.
  }
  try {
    return lenient.parse(xml) as XNode[];
  } catch (error) {
    throw new FeedError('malformed', `not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
}

/** The tag name of a node (`#text` and `#cdata` for character data). */
export function tagOf(node: XNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

/** The child nodes of a node (the value under its tag in preserve-order output). */
export function childrenOf(node: XNode, tag: string): XNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

/** The attributes of a node, if it has any. */
export function attrsOf(node: XNode): Attrs | undefined {
  return node[':@'] as Attrs | undefined;
}

/** An attribute by name, case-insensitively as a fallback (`isPermaLink` / `ispermalink`). */
export function attr(attrs: Attrs | undefined, name: string): string | undefined {
  if (!attrs) return undefined;
  const exact = attrs[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const key in attrs) if (key.toLowerCase() === lower) return attrs[key];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Namespaces: elements are named `local` (the format's own vocabulary) or `key:local` with a
// fixed key per known namespace, whatever prefix the document chose. Undeclared or mistyped
// namespaces fall back to the conventional prefix (`dc:creator` without xmlns:dc is Dublin Core).

const NS_BY_URI: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'http://purl.org/rss/1.0': 'rss',
  'http://my.netscape.com/rdf/simple/0.9': 'rss',
  'http://channel.netscape.com/rdf/simple/0.9': 'rss',
  'http://backend.userland.com/rss2': 'rss',
  'http://backend.userland.com/rss': 'rss',
  'http://blogs.law.harvard.edu/tech/rss': 'rss',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'https://publishpress.com': 'series',
};

const NS_BY_PREFIX: Record<string, string> = {
  atom: 'atom', atom10: 'atom', atom03: 'atom', a10: 'atom', dc: 'dc', dcterms: 'dcterms', content: 'content',
  rdf: 'rdf', media: 'media', itunes: 'itunes', feedburner: 'feedburner', xhtml: 'xhtml', xml: 'xml',
};

function normalizeUri(uri: string): string {
  const text = uri.trim().toLowerCase();
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 47 || text.charCodeAt(end - 1) === 35)) end--;
  return text.slice(0, end);
}

export type Scope = Record<string, string>;

export interface NameContext {
  /** The format's own namespace key: `rss` or `atom`. Elements in it are named by local name. */
  core: string;
  /** The root element's namespace URI: elements in it belong to the format, whatever it is. */
  rootUri: string | undefined;
  cache: WeakMap<Scope, Map<string, string>>;
}

/** The scope in effect inside an element with these attributes. */
export function enterScope(scope: Scope, attrs: Attrs | undefined): Scope {
  if (!attrs) return scope;
  let next: Scope | undefined;
  for (const key in attrs) {
    if (key.charCodeAt(0) !== 120 /* x */ || !key.startsWith('xmlns')) continue;
    if (key.length !== 5 && key.charCodeAt(5) !== 58 /* : */) continue;
    next ??= Object.create(scope) as Scope;
    next[key.length === 5 ? '' : key.slice(6)] = attrs[key] as string;
  }
  return next ?? scope;
}

function keyOf(prefix: string, scope: Scope, ctx: NameContext): string {
  const uri = scope[prefix];
  if (uri !== undefined) {
    const known = NS_BY_URI[normalizeUri(uri)];
    if (known) return known;
    if (uri === ctx.rootUri) return ctx.core;
    if (uri === '') return '';
  }
  if (prefix === '') return '';
  return NS_BY_PREFIX[prefix.toLowerCase()] ?? '?' + prefix;
}

/** `title`, `dc:creator`, `atom:link`, … for a tag in a scope. */
export function canonicalName(tag: string, scope: Scope, ctx: NameContext): string {
  let byTag = ctx.cache.get(scope);
  if (byTag === undefined) {
    byTag = new Map();
    ctx.cache.set(scope, byTag);
  }
  const cached = byTag.get(tag);
  if (cached !== undefined) return cached;
  const colon = tag.indexOf(':');
  const prefix = colon === -1 ? '' : tag.slice(0, colon);
  const local = (colon === -1 ? tag : tag.slice(colon + 1)).toLowerCase();
  const key = keyOf(prefix, scope, ctx);
  const name = key === '' || key === ctx.core ? local : `${key}:${local}`;
  byTag.set(tag, name);
  return name;
}

/** The namespace URI of a tag in a scope (prefix lookup), or undefined. */
export function namespaceOf(tag: string, scope: Scope): string | undefined {
  const colon = tag.indexOf(':');
  return scope[colon === -1 ? '' : tag.slice(0, colon)];
}

export type Visit = (name: string, children: XNode[], attrs: Attrs | undefined, scope: Scope, node: XNode) => void;

/** Something that reads the child elements of one element, by canonical name. */
export interface Visitor {
  visit(name: string, children: XNode[], attrs: Attrs | undefined, scope: Scope, node: XNode): void;
}

/** Calls `visitor` for each child element of `node` (a tag of fast-xml-parser's ordered tree). */
export function eachElement(node: XNode, tag: string, scope: Scope, names: NameContext, visitor: Visitor | Visit): void {
  const children = childrenOf(node, tag);
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XNode;
    const childTag = tagOf(child);
    if (childTag.charCodeAt(0) === 35 /* # */ || childTag === '') continue;
    const attrs = attrsOf(child);
    const childScope = attrs === undefined ? scope : enterScope(scope, attrs);
    const list = childrenOf(child, childTag);
    const name = canonicalName(childTag, childScope, names);
    if (typeof visitor === 'function') visitor(name, list, attrs, childScope, child);
    else visitor.visit(name, list, attrs, childScope, child);
  }
}

// ---------------------------------------------------------------------------------------------
// Content

/** The raw inner XML of an element's children (stop nodes hold it as one text node). */
export function innerXml(children: XNode[]): string {
  if (children.length === 1) {
    const only = children[0] as XNode;
    const text = only['#text'];
    if (typeof text === 'string') return text;
  }
  let out = '';
  for (const child of children) out += serialize(child);
  return out;
}

function serialize(node: XNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  if (tag === '#cdata') return `<![CDATA[${innerXml(childrenOf(node, '#cdata'))}]]>`;
  if (tag === '') return '';
  const attrs = attrsOf(node);
  let open = '<' + tag;
  if (attrs) for (const key in attrs) open += ` ${key}="${String(attrs[key]).replace(/"/g, '&quot;')}"`;
  const children = childrenOf(node, tag);
  if (children.length === 0) return open + '/>';
  return `${open}>${innerXml(children)}</${tag}>`;
}

/** The decoded text of a simple element (`<link>`, `<guid>`, `<pubDate>`), trimmed. */
export function textOf(children: XNode[], entities?: EntityContext): string {
  if (children.length === 1) {
    const text = (children[0] as XNode)['#text'];
    if (typeof text === 'string') return text.indexOf('<') === -1 ? decodeEntities(text, entities).trim() : rawToText(text, entities).trim();
  }
  let out = '';
  for (const child of children) {
    const tag = tagOf(child);
    if (tag === '#text') out += decodeEntities(String(child['#text']), entities);
    else if (tag === '#cdata') out += innerXml(childrenOf(child, '#cdata'));
    else if (tag !== '') out += textOf(childrenOf(child, tag), entities);
  }
  return out.trim();
}

/** The base URL inside an element: its `xml:base` resolved against the parent's. */
export function baseOf(parentBase: string | undefined, attrs: Attrs | undefined): string | undefined {
  if (!attrs) return parentBase;
  const xmlBase = attrs['xml:base'];
  return xmlBase === undefined ? parentBase : resolveBase(parentBase, decodeEntities(xmlBase));
}
