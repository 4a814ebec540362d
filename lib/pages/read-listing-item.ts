/**
 * One post of a listing, read from its block: title from the heading (never "Read more"), URL from
 * the main link, summary from the rest of the text, date from `<time>` or the text.
 */
import type { Text } from 'domhandler';
import { parseDate } from '../feeds/parse-date';
import { resolveUrl } from '../feeds/resolve-url';
import { truncateOnWord } from '../feeds/text';
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

const WHITESPACE_RUN = /\s+/g;
const TITLE_TOKEN = /title$/i;
const SUBTITLE_TOKEN = /subtitle$/i;

/** Whitespace runs to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

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
  text: string;
  /** "Read more" and the like (computed once per link). */
  generic: boolean;
}

/** The elements of a block that matter, found in one walk over its elements (hidden ones skipped). */
interface Parts {
  heading?: Element;
  headingRank: number;
  links: Link[];
  linkIndex: Map<Element, number>;
  time?: Element;
}

function scanElements(element: Element, context: LinkContext, parts: Parts): void {
  if (context.work) context.work.nodes++;
  if (unseen(element)) return;
  const rank = headingRank(element);
  if (rank > parts.headingRank) {
    parts.headingRank = rank;
    parts.heading = element;
  }
  if (element.name === 'a') {
    const url = linkUrl(element, context);
    if (url) {
      parts.linkIndex.set(element, parts.links.length);
      parts.links.push({ element, url, text: '', generic: true });
    }
  } else if (element.name === 'time' && !parts.time) parts.time = element;
  for (const child of element.children) if (isElement(child)) scanElements(child, context, parts);
}

/**
 * The block's text as runs, each with its owners packed in one number (`(link + 1) * 2 + heading`,
 * link -1 for none): parallel arrays, since a page has thousands of runs.
 */
interface Chunks {
  texts: string[];
  owners: number[];
}

const linkOf = (owner: number): number => (owner >> 1) - 1;
const inHeadingOf = (owner: number): boolean => (owner & 1) === 1;

// One walk over the block's text, each run tagged with its owners, so the heading's, each link's and
// the rest's texts come from the same pass (nesting is bounded by the parser, so recursion is safe).
function collectText(node: AnyNode, owner: number, parts: Parts, out: Chunks): void {
  if (node.type === 'text') {
    out.texts.push((node as Text).data);
    out.owners.push(owner);
    return;
  }
  if (!isElement(node) || unseen(node)) return;
  const link = node.name === 'a' ? parts.linkIndex.get(node) : undefined;
  let own = link === undefined ? owner : (link + 1) * 2 + (owner & 1);
  if (node === parts.heading) own |= 1;
  const gap = BLOCK_TAGS.has(node.name);
  if (gap) {
    out.texts.push(' ');
    out.owners.push(own);
  }
  for (const child of node.children) collectText(child, own, parts, out);
  if (gap) {
    out.texts.push(' ');
    out.owners.push(own);
  }
}

/** The runs' text whose owners `keep` accepts, as written (whitespace not collapsed). */
function joined(chunks: Chunks, keep: (owner: number) => boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < chunks.texts.length; i++) if (keep(chunks.owners[i]!)) parts.push(chunks.texts[i]!);
  return parts.join('');
}

/** The block's text without its title (heading, or title link) and without "Read more" links. */
function restOf(chunks: Chunks, links: readonly Link[], headed: boolean, titleLink: number): string {
  const parts: string[] = [];
  for (let i = 0; i < chunks.texts.length; i++) {
    const owner = chunks.owners[i]!;
    const link = linkOf(owner);
    if ((headed ? inHeadingOf(owner) : link === titleLink) || (link >= 0 && links[link]!.generic)) continue;
    parts.push(chunks.texts[i]!);
  }
  return parts.join('');
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
  const parts: Parts = { headingRank: 0, links: [], linkIndex: new Map() };
  scanElements(block, context, parts);
  if (parts.links.length === 0) return undefined;
  const chunks: Chunks = { texts: [], owners: [] };
  collectText(block, 0, parts, chunks);
  const linkTexts: string[][] = parts.links.map(() => []);
  for (let i = 0; i < chunks.texts.length; i++) {
    const link = linkOf(chunks.owners[i]!);
    if (link >= 0) linkTexts[link]!.push(chunks.texts[i]!);
  }
  for (let i = 0; i < parts.links.length; i++) {
    // Raw text: words and length are all "generic" and the weights need; only a title is collapsed.
    const link = parts.links[i]!;
    link.text = linkTexts[i]!.join('');
    link.generic = isGenericLinkText(link.text);
  }
  const url = mainUrl(parts);
  if (!url) return undefined;
  const headingText = parts.heading ? collapse(joined(chunks, inHeadingOf)) : '';
  const headed = headingText !== '' && !isGenericLinkText(headingText);
  const titleLink = headed ? -1 : parts.links.findIndex((link) => link.url === url && !link.generic);
  const titleText = parts.links[titleLink]?.text;
  const title = headed ? headingText : titleText && collapse(titleText);
  if (!title) return undefined;
  const rest = truncateOnWord(collapse(restOf(chunks, parts.links, headed, titleLink)));
  let linkText = 0;
  for (const link of parts.links) if (link.url === url) linkText += link.text.trim().length;
  const item: ListingItem = { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, url };
  const published = dateOf(parts, rest);
  if (published) item.published = published;
  // A line that only repeats the date ("May 14, 2023") says nothing more.
  if (rest && rest !== title && !(published && rest.length <= 20 && dateInText(rest))) item.summary = rest;
  return { item, headed, linkShare: linkText / Math.max(1, linkText + rest.length) };
}
