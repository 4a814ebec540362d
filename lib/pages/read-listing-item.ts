/**
 * One post of a listing, read from its block: title from the heading (never "Read more"), URL from
 * the main link, summary from the rest of the text, date from `<time>` or the text.
 */
import type { Text } from 'domhandler';
import { parseDate } from '../feeds/parse-date';
import { resolveUrl } from '../feeds/resolve-url';
import { collapseWhitespace, truncateOnWord } from '../feeds/text';
import { dateInText } from './date-in-text';
import { isGenericLinkText } from './generic-link-text';
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
// Text meant for screen readers only ("Continue reading<span class=screen-reader-text>Title</span>").
const SCREEN_READER_ONLY = new Set(['screen-reader-text', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-only']);

function unseen(element: Element): boolean {
  if (HIDDEN.has(element.name) || element.attribs['hidden'] !== undefined) return true;
  const value = element.attribs['class'];
  // Most classes name no screen-reader text: the cheap test spares them the split.
  return value !== undefined && (value.includes('sr-only') || value.includes('screen-reader') || value.includes('visually')) && classTokens(element).some((token) => SCREEN_READER_ONLY.has(token));
}

/** Whitespace collapsed as a reader sees the card: no-break spaces (`&nbsp;·&nbsp;`) count as spaces here. */
export function collapse(text: string): string {
  return collapseWhitespace(text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text);
}

const TITLE_TOKEN = /title$/i;
const SUBTITLE_TOKEN = /subtitle$/i;

function classTokens(element: Element): string[] {
  const value = element.attribs['class'];
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/** A heading, or an element a page marks as a post's title (`p-name`, `entry-title`, `…-title`, headline). */
export function headingRank(element: Element): number {
  if (HEADINGS.has(element.name) || element.attribs['role'] === 'heading') return 2;
  if (element.attribs['itemprop'] === 'headline') return 1;
  const value = element.attribs['class'];
  // Most elements name no title: the cheap test spares them the split.
  if (!value || !(value.includes('title') || value.includes('Title') || value.includes('p-name'))) return 0;
  return classTokens(element).some((token) => token === 'p-name' || (TITLE_TOKEN.test(token) && !SUBTITLE_TOKEN.test(token))) ? 1 : 0;
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
  element: Element;
  url: string;
  /** The link's text: its runs `[from, to)` of the block's text. */
  from: number;
  to: number;
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
  heading?: Element;
  headingRank: number;
  headingFrom: number;
  headingTo: number;
  links: Link[];
  time?: Element;
}

// One walk over the block (hidden elements skipped): the text runs, with a space around block
// elements, and the elements that matter (nesting is bounded by the parser, so recursion is safe).
function walk(node: AnyNode, context: LinkContext, parts: Parts): void {
  if (node.type === 'text') {
    parts.texts.push((node as Text).data);
    return;
  }
  if (!isElement(node)) return;
  if (context.work) context.work.nodes++;
  if (unseen(node)) return;
  const from = parts.texts.length;
  const rank = headingRank(node);
  const heading = rank > parts.headingRank;
  if (heading) {
    parts.headingRank = rank;
    parts.heading = node;
  }
  let link: Link | undefined;
  if (node.name === 'a') {
    const url = linkUrl(node, context);
    if (url) parts.links.push((link = { element: node, url, from, to: from, text: '', generic: true }));
  } else if (node.name === 'time' && !parts.time) parts.time = node;
  const gap = BLOCK_TAGS.has(node.name);
  if (gap) parts.texts.push(' ');
  for (const child of node.children) walk(child, context, parts);
  if (gap) parts.texts.push(' ');
  if (link) link.to = parts.texts.length;
  if (heading && parts.heading === node) {
    parts.headingFrom = from;
    parts.headingTo = parts.texts.length;
  }
}

/** The runs `[from, to)` joined, as written (whitespace not collapsed). */
function runs(texts: readonly string[], from: number, to: number): string {
  return to - from === 1 ? texts[from]! : texts.slice(from, to).join('');
}

/** The block's text without its title (heading, or title link) and without "Read more" links. */
function restOf(parts: Parts, headed: boolean, titleLink: number): string {
  const dropped = new Uint8Array(parts.texts.length);
  const drop = (from: number, to: number): void => {
    dropped.fill(1, from, to);
  };
  if (headed) drop(parts.headingFrom, parts.headingTo);
  parts.links.forEach((link, i) => {
    if (link.generic || i === titleLink) drop(link.from, link.to);
  });
  const kept: string[] = [];
  for (let i = 0; i < parts.texts.length; i++) if (dropped[i] === 0) kept.push(parts.texts[i]!);
  return kept.join('');
}

function contains(ancestor: Element, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The block's main link: the heading's own link, else the URL its links name most (by text). */
function mainUrl(parts: Parts): string | undefined {
  const heading = parts.heading;
  if (heading) {
    const own = parts.links.find((link) => contains(link.element, heading) || contains(heading, link.element));
    if (own) return own.url;
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
  const parts: Parts = { texts: [], headingRank: 0, headingFrom: 0, headingTo: 0, links: [] };
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
