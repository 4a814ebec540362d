/**
 * One post of a listing, read from its block: title from the heading (never "Read more"), URL from
 * the main link, summary from the rest of the text, date from `<time>` or the text.
 */
import type { Text } from 'domhandler';
import { parseDate } from '../feeds/parse-date';
import { resolveUrl } from '../feeds/resolve-url';
import { collapseWhitespace, isCollapsible, truncateOnWord } from '../feeds/text';
import { dateInText } from './date-in-text';
import { isGenericLinkText } from './generic-link-text';
import { classNamesOf } from './class-names';
import { textOf, type AnyNode, type Element } from './parse-html';

/** A post as a listing page shows it. Plain text and absolute http(s) URLs only. */
export interface ListingItem {
  title: string;
  url: string;
  summary?: string;
  /** ISO 8601, UTC. */
  published?: string;
}

/** Where the block's links resolve and which URL is the page itself (links to it are not posts). */
export interface LinkContext {
  base: string;
  /** The page's URL without its fragment. */
  page: string;
  /** When given, counts the elements read (tests prove extraction linear by counting its work). */
  work?: { nodes: number };
}

// Node types compared directly: domhandler's `isTag`/`isText` cost two calls per node in these walks.
const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg']);
// Elements whose text stands apart from its neighbours' (a space joins them).
const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'section', 'article',
  'time', 'span', 'dt', 'dd', 'td', 'th', 'tr', 'blockquote', 'figure', 'figcaption',
]);
const MAX_TITLE = 300;

function unseen(element: Element): boolean {
  return HIDDEN.has(element.name) || element.attribs['hidden'] !== undefined || classNamesOf(element).screenReaderOnly;
}

/** Whitespace collapsed as a reader sees the card: no-break spaces (`&nbsp;·&nbsp;`) count as spaces here. */
export function collapse(text: string): string {
  return collapseWhitespace(text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text);
}

/** A heading, or an element a page marks as a post's title (`p-name`, `entry-title`, `…-title`, headline). */
export function headingRank(element: Element): number {
  if (HEADINGS.has(element.name) || element.attribs['role'] === 'heading') return 2;
  return element.attribs['itemprop'] === 'headline' || classNamesOf(element).title ? 1 : 0;
}

/** The absolute http(s) URL of a link, unless it points back at the page itself. */
export function linkUrl(element: Element, context: LinkContext): string | undefined {
  const href = element.attribs['href'];
  if (href === undefined || href.trim() === '' || href.trim().startsWith('#')) return undefined;
  const url = resolveUrl(href, context.base);
  if (!url) return undefined;
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  return bare === context.page ? undefined : bare;
}

interface Link {
  url: string;
  /** The link's text: its runs `[from, to)` of the block's text. */
  from: number;
  to: number;
  /** Where the link stands among the block's elements: itself `[first, last]` and its descendants. */
  first: number;
  last: number;
  text: string;
  /** "Read more" and the like (computed once per link). */
  generic: boolean;
}

/**
 * What one walk over a block finds: its visible text as runs in document order (so any element's
 * text is a range of them), the runs of its heading and of each link, and its first `<time>`.
 */
interface Parts {
  texts: string[];
  /** The last run ends in whitespace (or there is none yet): another space would add nothing. */
  spaced: boolean;
  /** Elements entered so far, so an element's descendants are the range it spans. */
  elements: number;
  heading?: Element;
  headingRank: number;
  headingFrom: number;
  headingTo: number;
  headingFirst: number;
  headingLast: number;
  links: Link[];
  time?: Element;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isCollapsible(text.charCodeAt(i))) return false;
  return true;
}

// Every text of a block is collapsed before use, so a space next to another adds nothing: the
// indentation between tags becomes one space or nothing, and the joined text needs no copying.
function pushSpace(parts: Parts): void {
  if (parts.spaced) return;
  parts.texts.push(' ');
  parts.spaced = true;
}

function pushText(parts: Parts, text: string): void {
  if (isBlank(text)) {
    pushSpace(parts);
    return;
  }
  parts.texts.push(text);
  parts.spaced = isCollapsible(text.charCodeAt(text.length - 1));
}

// One walk over the block (hidden elements skipped): the text runs, with a space around block
// elements, and the elements that matter (nesting is bounded by the parser, so recursion is safe).
function walk(node: AnyNode, context: LinkContext, parts: Parts): void {
  if (node.type === 'text') {
    pushText(parts, (node as Text).data);
    return;
  }
  if (!isElement(node)) return;
  if (context.work) context.work.nodes++;
  if (unseen(node)) return;
  const from = parts.texts.length;
  const first = parts.elements++;
  const rank = headingRank(node);
  const heading = rank > parts.headingRank;
  if (heading) {
    parts.headingRank = rank;
    parts.heading = node;
  }
  let link: Link | undefined;
  if (node.name === 'a') {
    const url = linkUrl(node, context);
    if (url) parts.links.push((link = { url, from, to: from, first, last: first, text: '', generic: true }));
  } else if (node.name === 'time' && !parts.time) parts.time = node;
  const gap = BLOCK_TAGS.has(node.name);
  if (gap) pushSpace(parts);
  for (const child of node.children) walk(child, context, parts);
  if (gap) pushSpace(parts);
  if (link) {
    link.to = parts.texts.length;
    link.last = parts.elements - 1;
    // The range may be dropped from the summary: a space it ends with must not stand for the next one.
    parts.spaced = false;
  }
  if (heading && parts.heading === node) {
    parts.headingFrom = from;
    parts.headingTo = parts.texts.length;
    parts.headingFirst = first;
    parts.headingLast = parts.elements - 1;
    parts.spaced = false;
  }
}

/** The runs `[from, to)` joined, as written (whitespace not collapsed). */
function runs(texts: readonly string[], from: number, to: number): string {
  if (to - from === 1) return texts[from]!;
  let text = '';
  for (let i = from; i < to; i++) text += texts[i]!;
  return text;
}

const byStart = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0];

/** The block's text without its title (heading, or title link) and without "Read more" links. */
function restOf(parts: Parts, headed: boolean, titleLink: number): string {
  // The dropped ranges, in document order (links and the heading nest or follow one another).
  const dropped: [number, number][] = [];
  if (headed) dropped.push([parts.headingFrom, parts.headingTo]);
  for (let i = 0; i < parts.links.length; i++) {
    const link = parts.links[i]!;
    if (link.generic || i === titleLink) dropped.push([link.from, link.to]);
  }
  if (dropped.length > 1) dropped.sort(byStart);
  let text = '';
  let at = 0;
  for (const [from, to] of dropped) {
    if (from > at) text += runs(parts.texts, at, from);
    at = Math.max(at, to);
  }
  return at < parts.texts.length ? text + runs(parts.texts, at, parts.texts.length) : text;
}

/** The block's main link: the heading's own link (in it, or around it), else the URL its links name most (by text). */
function mainUrl(parts: Parts): string | undefined {
  if (parts.heading) {
    const { headingFirst, headingLast } = parts;
    for (const link of parts.links) {
      if ((link.first >= headingFirst && link.first <= headingLast) || (headingFirst >= link.first && headingFirst <= link.last)) return link.url;
    }
  }
  const weight = new Map<string, number>();
  for (const link of parts.links) weight.set(link.url, (weight.get(link.url) ?? 0) + 1 + (link.generic ? 0 : link.text.trim().length));
  let chosen: string | undefined;
  for (const [url, value] of weight) if (chosen === undefined || value > weight.get(chosen)!) chosen = url;
  return chosen;
}

function dateOf(parts: Parts, text: string): string | undefined {
  const time = parts.time;
  if (time) {
    const found = parseDate(time.attribs['datetime']) ?? parseDate(collapse(textOf(time)));
    if (found) return found;
  }
  return dateInText(text);
}

/** What a block says about its post, and how sure: `headed` when its title came from a heading. */
export interface ReadItem {
  item: ListingItem;
  headed: boolean;
  /** Share of the block's text that is the main link's (a list entry is mostly its link; a paragraph is not). */
  linkShare: number;
}

/** Reads one listing block, or undefined when it names no post (no http(s) link, or no title). */
export function readListingItem(block: Element, context: LinkContext): ReadItem | undefined {
  const parts: Parts = { texts: [], spaced: true, elements: 0, headingRank: 0, headingFrom: 0, headingTo: 0, headingFirst: 0, headingLast: -1, links: [] };
  walk(block, context, parts);
  if (parts.links.length === 0) return undefined;
  for (const link of parts.links) {
    // Raw text: words and length are all "generic" and the weights need; only a title is collapsed.
    link.text = runs(parts.texts, link.from, link.to);
    link.generic = isGenericLinkText(link.text);
  }
  const url = mainUrl(parts);
  if (!url) return undefined;
  const headingText = parts.heading ? collapse(runs(parts.texts, parts.headingFrom, parts.headingTo)) : '';
  const headed = headingText !== '' && !isGenericLinkText(headingText);
  const titleLink = headed ? -1 : parts.links.findIndex((link) => link.url === url && !link.generic);
  const titleText = parts.links[titleLink]?.text;
  const title = headed ? headingText : titleText && collapse(titleText);
  if (!title) return undefined;
  const rest = truncateOnWord(collapse(restOf(parts, headed, titleLink)));
  let linkText = 0;
  for (const link of parts.links) if (link.url === url) linkText += link.text.trim().length;
  const item: ListingItem = { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, url };
  const published = dateOf(parts, rest);
  if (published) item.published = published;
  // A line that only repeats the date ("May 14, 2023") says nothing more.
  if (rest && rest !== title && !(published && rest.length <= 20 && dateInText(rest))) item.summary = rest;
  return { item, headed, linkShare: linkText / Math.max(1, linkText + rest.length) };
}
