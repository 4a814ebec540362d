/**
 * One post of a listing, read from its block: title from the heading (never "Read more"), URL from
 * the main link, summary from the rest of the text, date from `<time>` or the text.
 */
import { isTag, isText } from 'domhandler';
import { parseDate } from '../feeds/parse-date';
import { resolveUrl } from '../feeds/resolve-url';
import { summarizeText } from '../feeds/text';
import { dateInText } from './date-in-text';
import { isGenericLinkText } from './generic-link-text';
import { elementsOf, textOf, type AnyNode, type Element } from './parse-html';

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
}

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
  return HIDDEN.has(element.name) || element.attribs['hidden'] !== undefined || classTokens(element).some((token) => SCREEN_READER_ONLY.has(token));
}

/** Whitespace runs to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function classTokens(element: Element): string[] {
  const value = element.attribs['class'];
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/** A heading, or an element a page marks as a post's title (`p-name`, `entry-title`, `…-title`, headline). */
export function headingRank(element: Element): number {
  if (HEADINGS.has(element.name) || element.attribs['role'] === 'heading') return 2;
  if (element.attribs['itemprop'] === 'headline') return 1;
  return classTokens(element).some((token) => token === 'p-name' || (/title$/i.test(token) && !/subtitle$/i.test(token))) ? 1 : 0;
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

interface Parts {
  heading?: Element;
  links: { element: Element; url: string; text: string }[];
  time?: Element;
}

function partsOf(block: Element, context: LinkContext): Parts {
  const parts: Parts = { links: [] };
  let best = 0;
  for (const element of [block, ...elementsOf(block)]) {
    if (HIDDEN.has(element.name)) continue;
    const rank = headingRank(element);
    if (rank > best) {
      best = rank;
      parts.heading = element;
    }
    if (element.name === 'a') {
      const url = linkUrl(element, context);
      if (url) parts.links.push({ element, url, text: textWithout(element) });
    } else if (element.name === 'time' && !parts.time) parts.time = element;
  }
  return parts;
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
  for (const link of parts.links) weight.set(link.url, (weight.get(link.url) ?? 0) + 1 + (isGenericLinkText(link.text) ? 0 : link.text.length));
  let chosen: string | undefined;
  for (const [url, value] of weight) if (chosen === undefined || value > weight.get(chosen)!) chosen = url;
  return chosen;
}

/** The text a reader sees in `block`, words kept apart across elements, without the `skip` elements. */
function textWithout(block: Element, skip: ReadonlySet<Element> = new Set()): string {
  const out: string[] = [];
  const stack: (AnyNode | string)[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') out.push(node);
    else if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      if (skip.has(node) || unseen(node)) continue;
      const gap = BLOCK_TAGS.has(node.name) ? ' ' : '';
      stack.push(gap);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      out.push(gap);
    }
  }
  return collapse(out.join(''));
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
  const parts = partsOf(block, context);
  const url = mainUrl(parts);
  if (!url) return undefined;
  const toMain = parts.links.filter((link) => link.url === url);
  const headingText = parts.heading ? textWithout(parts.heading) : '';
  const headed = headingText !== '' && !isGenericLinkText(headingText);
  const titleLink = toMain.find((link) => !isGenericLinkText(link.text));
  const title = headed ? headingText : titleLink?.text;
  if (!title) return undefined;
  const skip = new Set<Element>(parts.links.filter((link) => isGenericLinkText(link.text)).map((link) => link.element));
  if (headed) skip.add(parts.heading!);
  else skip.add(titleLink!.element);
  const rest = textWithout(block, skip);
  const linkText = toMain.reduce((sum, link) => sum + link.text.length, 0);
  const item: ListingItem = { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, url };
  const published = dateOf(parts, rest);
  if (published) item.published = published;
  const summary = summarizeText(rest);
  // A line that only repeats the date ("May 14, 2023") says nothing more.
  if (summary && summary !== title && !(published && summary.length <= 20 && dateInText(summary))) item.summary = summary;
  return { item, headed, linkShare: linkText / Math.max(1, linkText + rest.length) };
}
