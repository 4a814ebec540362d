/**
 * parseFeed: bytes or text of RSS (0.90–2.0), RSS 1.0 / RDF, Atom (0.3, 1.0) or JSON Feed (1.0,
 * 1.1) into the normalized `ParsedFeed`. Pure: no I/O, no storage, no DOM (runs in a service
 * worker). The format is detected from the content alone.
 */
import { atomVersion, mapAtom } from './atom';
import { decodeBytes } from './decode-bytes';
import { FeedError } from './feed-error';
import type { DocContext } from './item-builder';
import { jsonFeedVersion, mapJsonFeed, parseJson } from './json-feed';
import { mapRss } from './rss';
import type { FeedFormat, ParsedFeed, ParseOptions } from './types';
import { attrsOf, enterScope, namespaceOf, parseXmlTree, prepareXml, rootElementName, tagOf, type Scope, type XNode } from './xml';

export { FeedError, isFeedError, type FeedErrorCode } from './feed-error';
export type { Enclosure, FeedFormat, ParsedFeed, ParsedItem, ParseOptions } from './types';

/** Default limit on the size of a feed: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

function localName(tag: string): string {
  const colon = tag.indexOf(':');
  return (colon === -1 ? tag : tag.slice(colon + 1)).toLowerCase();
}

function bodyToText(body: string | Uint8Array, options: ParseOptions): string {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof body === 'string') {
    if (body.length > max) throw new FeedError('too-large', `feed larger than ${max} bytes`);
    return body;
  }
  if (body.byteLength > max) throw new FeedError('too-large', `feed larger than ${max} bytes`);
  return decodeBytes(body, options.contentType).text;
}

function firstSignificant(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13 || c === 0) i++;
    else break;
  }
  return i;
}

/**
 * What a body looks like from its first bytes, without parsing it: the format of a feed, or
 * undefined for anything else (an HTML page, JSON that is not a JSON Feed). For discovery, where a
 * guess must be cheap; `parseFeed` decides for real.
 */
export function sniffFeedFormat(text: string): FeedFormat | undefined {
  const start = firstSignificant(text);
  const first = text.charCodeAt(start);
  if (first === 123 /* { */) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(start, start + 65536)) ? 'json' : undefined;
  }
  if (first !== 60 /* < */) return undefined;
  const root = rootElementName(text.slice(start, start + 65536));
  if (root === undefined) return undefined;
  const local = localName(root);
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  return local === 'rss' || local === 'channel' ? 'rss' : undefined;
}

/** Parses a feed. Throws `FeedError` ('not-a-feed' | 'malformed' | 'too-large') and nothing else. */
export function parseFeed(body: string | Uint8Array, options: ParseOptions = {}): ParsedFeed {
  try {
    return parseText(bodyToText(body, options), options.url, options.details === true);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError('malformed', `unreadable feed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}

function parseText(text: string, url: string | undefined, details: boolean): ParsedFeed {
  const start = firstSignificant(text);
  if (start >= text.length) throw new FeedError('not-a-feed', 'empty body');
  const first = text.charCodeAt(start);
  if (first === 123 /* { */) {
    const data = parseJson(text.slice(start));
    const version = jsonFeedVersion(data);
    if (version === undefined) throw new FeedError('not-a-feed', 'JSON that is not a JSON Feed');
    return mapJsonFeed(data as Record<string, unknown>, version, url, details);
  }
  if (first !== 60 /* < */) throw new FeedError('not-a-feed', 'neither XML nor JSON');

  const rootName = rootElementName(text.slice(start, start + 65536));
  if (rootName !== undefined && !FEED_ROOTS.has(localName(rootName))) {
    throw new FeedError('not-a-feed', `<${rootName}> is not a feed`);
  }
  const prepared = prepareXml(start > 0 ? text.slice(start) : text);
  const tree = parseXmlTree(prepared.xml);
  let root: XNode | undefined;
  let rootTag = '';
  for (const node of tree) {
    const tag = tagOf(node);
    if (tag !== '#text' && tag !== '#cdata' && tag !== '' && tag[0] !== '?') {
      root = node;
      rootTag = tag;
      break;
    }
  }
  if (root === undefined) throw new FeedError('not-a-feed', 'no root element');
  const local = localName(rootTag);
  if (!FEED_ROOTS.has(local)) throw new FeedError('not-a-feed', `<${rootTag}> is not a feed`);

  const rootAttrs = attrsOf(root);
  const rootScope: Scope = enterScope({ xml: 'http://www.w3.org/XML/1998/namespace' }, rootAttrs);
  const rootUri = namespaceOf(rootTag, rootScope);
  const ctx = (core: string): DocContext => ({
    entities: prepared.entities,
    names: { core, rootUri, cache: new WeakMap() },
    documentBase: url,
    details,
  });

  if (local === 'feed') {
    return mapAtom(root, rootTag, rootScope, ctx('atom'), atomVersion(rootAttrs, rootUri), url);
  }
  if (local === 'rdf') {
    const defaultNs = (rootScope[''] ?? '').toLowerCase();
    const version = defaultNs.includes('netscape.com/rdf/simple/0.9') ? '0.90' : '1.0';
    return mapRss(root, rootTag, rootScope, ctx('rss'), 'rdf', version, url);
  }
  return mapRss(root, rootTag, rootScope, ctx('rss'), 'rss', rssVersion(rootAttrs?.version), url);
}

function rssVersion(raw: string | undefined): string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  if (/^2(\.|$)/.test(v)) return '2.0';
  if (/^0\.9\d?$/.test(v)) return v === '0.9' ? '0.90' : v;
  return v;
}
