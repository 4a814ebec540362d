/**
 * Reads the lists of posts on a page that offers no feed, without selectors from the user: HTML and
 * its URL in, ranked candidate lists out (pure, for the service worker and tests alike).
 */
import { resolveUrl } from '../feeds/resolve-url';
import { listingGroups, type BlockGroup, type ListingKind } from './listing-groups';
import { parseHtml, elementsOf, textOf, type Document, type Element, type HtmlWork } from './parse-html';
import { collapse, readListingItem, type LinkContext, type ListingItem, type ReadItem } from './read-listing-item';

export type { ListingItem } from './read-listing-item';
export type { ListingKind } from './listing-groups';

/** One list of posts found on a page. */
export interface ListingCandidate {
  /** Names this list on the page, so a refresh reads the same one. */
  key: string;
  kind: ListingKind;
  score: number;
  items: ListingItem[];
}

/** What a page offers to follow. */
export interface PageListings {
  /** The page's `<title>` (or first heading), plain text. */
  title?: string;
  /** Best first: microformats, then `<article>`s, then repeated blocks by score. */
  candidates: ListingCandidate[];
  /** The page is an empty shell that builds its content with JavaScript. */
  scriptShell: boolean;
}

// Enough for any listing page; a group beyond this is a dump, and its first posts are the news.
const MAX_ITEMS = 500;
// Groups read in full, best first: the cheap score has ordered them already.
const MAX_GROUPS_READ = 12;
const MIN_SCORE = 2;

function baseOf(document: Document, pageUrl: string): string {
  for (const element of elementsOf(document)) {
    if (element.name === 'base' && element.attribs['href']) return resolveUrl(element.attribs['href'], pageUrl) ?? pageUrl;
    if (element.name === 'body') break;
  }
  return pageUrl;
}

function titleOf(document: Document): string | undefined {
  let heading: string | undefined;
  for (const element of elementsOf(document)) {
    if (element.name === 'title') {
      const text = collapse(textOf(element));
      if (text) return text;
    }
    if (heading === undefined && element.name === 'h1') heading = collapse(textOf(element)) || undefined;
  }
  return heading;
}

/** A URL that looks like a post's own page: a slug of three words or more, a date, or a numeric id. */
function looksLikePostUrl(url: string): boolean {
  const { pathname, search } = new URL(url);
  if (/[?&](p|id)=\d+/.test(search) || /\/(19|20)\d\d\//.test(pathname) || /\/\d{3,}(\/|$|-)/.test(pathname)) return true;
  const segment = pathname.split('/').filter(Boolean).pop() ?? '';
  return segment.replace(/\.[a-z]+$/i, '').split(/[-_+]+/).filter(Boolean).length >= 3;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * A group's posts, or undefined when they do not read as a list of posts: too few, mostly blocks
 * without one, or (without headings) link texts too short to be titles, links buried in prose, or
 * addresses that are not posts' (a login page's "Forgot your password?").
 */
function readGroup(group: BlockGroup, context: LinkContext): ListingItem[] | undefined {
  const read: ReadItem[] = [];
  const seen = new Set<string>();
  let examined = 0;
  for (const block of group.blocks) {
    examined++;
    const found = readListingItem(block, context);
    if (!found || seen.has(found.item.url)) continue;
    seen.add(found.item.url);
    read.push(found);
    if (read.length >= MAX_ITEMS) break;
  }
  const minimum = group.kind === 'blocks' ? 3 : 2;
  if (read.length < minimum || read.length < examined * 0.6) return undefined;
  const headed = read.filter((r) => r.headed).length / read.length >= 0.5;
  if (!headed) {
    if (median(read.map((r) => r.item.title.split(/\s+/).length)) < 3) return undefined;
    if (median(read.map((r) => r.linkShare)) < 0.4) return undefined;
    if (read.filter((r) => looksLikePostUrl(r.item.url)).length < read.length * 0.6) return undefined;
  }
  return read.map((r) => r.item);
}

/** True when most of `items` are already in an earlier list (the same posts seen through another shape). */
function repeats(items: readonly ListingItem[], taken: ReadonlySet<string>): boolean {
  return items.filter((item) => taken.has(item.url)).length >= items.length / 2;
}

function isScriptShell(document: Document): boolean {
  let scripts = 0;
  let body: Element | undefined;
  for (const element of elementsOf(document)) {
    if (element.name === 'script') scripts++;
    if (element.name === 'body' && !body) body = element;
  }
  if (scripts === 0) return false;
  const text = collapse(textOf(body ?? document));
  return text.length < 200;
}

/** The work an extraction did: the parser's events and the nodes its passes visited. */
export interface ListingWork extends HtmlWork {
  nodes: number;
}

/** Finds the lists of posts on a page, best first; `work`, when given, counts what it did. */
export function extractListings(html: string, pageUrl: string, work?: ListingWork): PageListings {
  const document = parseHtml(html, work);
  const hash = pageUrl.indexOf('#');
  const context: LinkContext = { base: baseOf(document, pageUrl), page: hash < 0 ? pageUrl : pageUrl.slice(0, hash), ...(work ? { work } : {}) };
  const candidates: ListingCandidate[] = [];
  const taken = new Set<string>();
  let read = 0;
  for (const group of listingGroups(document, work)) {
    if (group.score < MIN_SCORE) continue;
    if (read++ >= MAX_GROUPS_READ) break;
    const items = readGroup(group, context);
    if (!items || repeats(items, taken)) continue;
    for (const item of items) taken.add(item.url);
    candidates.push({ key: group.key, kind: group.kind, score: Math.round(group.score * 100) / 100, items });
  }
  const title = titleOf(document);
  return { ...(title ? { title } : {}), candidates, scriptShell: candidates.length === 0 && isScriptShell(document) };
}

/** The candidate a subscription follows: the same key, else the same block shape elsewhere on the page. */
export function findCandidate(candidates: readonly ListingCandidate[], key: string | undefined): ListingCandidate | undefined {
  if (key === undefined) return candidates[0];
  const exact = candidates.find((candidate) => candidate.key === key);
  if (exact) return exact;
  const shape = key.slice(key.lastIndexOf('>') + 1);
  return candidates.find((candidate) => candidate.key.slice(candidate.key.lastIndexOf('>') + 1) === shape && candidate.key !== 'h-entry');
}
