/**
 * Reads the series a page declares: an author's index page (a heading over a numbered list of
 * links), a series or taxonomy page of a blog engine (WordPress, Hugo, Hashnode, dev.to). Pure:
 * HTML and its URL in, plain values out; built on the one HTML parser.
 */
import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { parseHtml, textOf } from './parse-html';

/** One link of a declared series, in the author's order. */
export interface OutlineEntry {
  /** Absolute http(s) URL of the link, when it has one. */
  url?: string;
  /** The link's text, whitespace collapsed. */
  title: string;
}

/** One series a page declares. */
export interface SeriesOutline {
  /** The series' name as the page gives it, cleaned of words like "Series' Articles". */
  name: string;
  entries: OutlineEntry[];
  /** True when the list's order is the author's reading order; false when it only says who belongs. */
  ordered: boolean;
}

const HEADING = /^h[1-6]$/;
// Lists that gather posts for another reason than a series ("Recent posts", "Popular", "Related").
const NOT_A_SERIES =
  /^(?:the\s+)?(?:recent|latest|newest|new|popular|most\s+(?:read|viewed|popular|commented)|top(?:\s+\d+)?|trending|featured|related|similar|archives?|categories|tags|more|see\s+also|read\s+next|up\s+next|you\s+(?:may|might)\s+also\s+like|comments?|links|blogroll|navigation|menu|(?:table\s+of\s+)?contents|on\s+this\s+page|footnotes|references|sources)\b/i;
const SAYS_SERIES = /\bseries\b/i;
// Dev.to's and Hashnode's series pages, Hugo's and WordPress's series taxonomies.
const SERIES_PATH = /\/(?:series|serie|collections?)\/[^/]+\/?$/i;
const SERIES_BODY_CLASS = /\b(?:tax-series|taxonomy-series|term-series|series-template)\b/;
// Words around a series' name that only say it is one.
const NAME_NOISE: readonly RegExp[] = [
  /^\s*(?:the|a)\s+(?=.+\bseries\b)/i,
  /\s*series[’'`]?\s*(?:articles?|posts?|entries)?\s*$/i,
  /^\s*(?:series(?:\s+archives?)?|archives?|category|collection)\s*[:\u2013\u2014-]\s*/i,
  /^\s*(?:this\s+(?:post|article)\s+is\s+)?part\s+of\s+(?:the\s+)?/i,
];
const MAX_ENTRIES = 500;

/** Collapses whitespace, as a reader sees text. */
export function plainText(node: AnyNode): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** A series' name without the words that only say it is a series ("Dives into ASGI Series' Articles" → "Dives into ASGI"). */
export function cleanSeriesName(heading: string): string {
  let name = heading.replace(/\s+/g, ' ').trim();
  for (const noise of NAME_NOISE) name = name.replace(noise, '');
  name = name.replace(/^["“”'‘’]+|["“”'‘’:]+$/g, '').trim();
  return name === '' ? heading.trim() : name;
}

function absoluteWebUrl(href: string | undefined, base: string): string | undefined {
  if (!href || href.trim().startsWith('#')) return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function childElements(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isTag) : [];
}

// The first link inside `root` that leads somewhere, skipping nested lists (they are sub-items).
function firstLink(root: Element, base: string): OutlineEntry | undefined {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== root && (el.name === 'ul' || el.name === 'ol')) continue;
    if (el.name === 'a') {
      const url = absoluteWebUrl(el.attribs.href, base);
      const title = plainText(el);
      if (url && title !== '') return { url, title };
      continue;
    }
    const children = childElements(el);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

function listEntries(list: Element, base: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (const li of childElements(list)) {
    if (li.name !== 'li') continue;
    const link = firstLink(li, base);
    if (link) entries.push(link);
    if (entries.length >= MAX_ENTRIES) break;
  }
  return entries;
}

// A paragraph that is one link (Markdown's loose links), or a link that is all of its parent's text.
function looseEntry(el: Element, base: string): OutlineEntry | undefined {
  if (el.name !== 'p' && el.name !== 'a') return undefined;
  const link = firstLink(el, base);
  if (!link) return undefined;
  const whole = el.name === 'p' ? el : el.parent;
  return whole && plainText(whole) === link.title ? link : undefined;
}

interface Section {
  heading: string;
  loose: OutlineEntry[];
  /** A list already claimed this heading. */
  used: boolean;
}

function seriesOfSection(section: Section | undefined, entries: OutlineEntry[], numbered: boolean): SeriesOutline | undefined {
  if (!section || section.used || entries.length < 2) return undefined;
  const heading = section.heading;
  if (heading === '' || NOT_A_SERIES.test(heading)) return undefined;
  if (!numbered && !SAYS_SERIES.test(heading)) return undefined;
  return { name: cleanSeriesName(heading), entries, ordered: true };
}

/** Series under headings: a numbered list, or a list or loose links under a heading that says "series". */
function sectionSeries(root: AnyNode, base: string): SeriesOutline[] {
  const found: SeriesOutline[] = [];
  let section: Section | undefined;
  const closeSection = (): void => {
    const series = seriesOfSection(section, section?.loose ?? [], false);
    if (series) found.push(series);
  };
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node)) {
      if (HEADING.test(node.name)) {
        closeSection();
        section = { heading: plainText(node), loose: [], used: false };
        continue;
      }
      if (node.name === 'ol' || node.name === 'ul') {
        const series = seriesOfSection(section, listEntries(node, base), node.name === 'ol');
        if (series) found.push(series);
        if (section) section.used = true;
        continue;
      }
      const loose = section && !section.used ? looseEntry(node, base) : undefined;
      if (loose) {
        section!.loose.push(loose);
        continue;
      }
      if (node.name === 'nav' || node.name === 'header' || node.name === 'footer' || node.name === 'aside') continue;
    }
    const children = 'children' in node ? node.children : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  closeSection();
  return found;
}

function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node) && node !== root && test(node)) return node;
    const children = 'children' in node ? node.children : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

// Posts on an archive page: each post's title is a heading holding a link, or a link holding a heading.
function headingLinks(root: AnyNode, base: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const seen = new Set<string>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && entries.length < MAX_ENTRIES) {
    const node = stack.pop()!;
    if (isTag(node)) {
      if (node.name === 'nav' || node.name === 'footer' || node.name === 'aside') continue;
      const isTitle = /^h[2-4]$/.test(node.name) || (node.name === 'a' && findFirst(node, (el) => /^h[2-4]$/.test(el.name)) !== undefined);
      if (isTitle) {
        const inner = node.name === 'a' ? findFirst(node, (el) => /^h[2-4]$/.test(el.name)) : undefined;
        const link = node.name === 'a' ? { url: absoluteWebUrl(node.attribs.href, base), title: inner ? plainText(inner) : '' } : firstLink(node, base);
        if (link?.url && link.title !== '' && !seen.has(link.url)) {
          seen.add(link.url);
          entries.push({ url: link.url, title: link.title });
        }
        continue;
      }
    }
    const children = 'children' in node ? node.children : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return entries;
}

/** A page that is itself one series (a series or taxonomy page), with its posts in page order. */
function pageSeries(doc: AnyNode, pageUrl: string, base: string): SeriesOutline | undefined {
  const h1 = findFirst(doc, (el) => el.name === 'h1');
  const heading = h1 ? plainText(h1) : '';
  const body = findFirst(doc, (el) => el.name === 'body');
  let path = '';
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return undefined;
  }
  const byPath = SERIES_PATH.test(path);
  const byClass = SERIES_BODY_CLASS.test(body?.attribs.class ?? '');
  const byHeading = /^\s*series\b|\bseries\s*(?:[’'`]\s*articles?)?\s*$/i.test(heading);
  if (!byPath && !byClass && !byHeading) return undefined;
  const main = findFirst(doc, (el) => el.name === 'main') ?? body ?? doc;
  let entries = headingLinks(main, base).filter((entry) => entry.url !== absoluteWebUrl(pageUrl, base));
  if (entries.length < 2) {
    const list = findFirst(main, (el) => el.name === 'ol' || el.name === 'ul');
    entries = list ? listEntries(list, base) : [];
  }
  if (entries.length < 2) return undefined;
  const slug = decodeURIComponent(path.replace(/\/+$/, '').split('/').pop() ?? '').replace(/[-_]+/g, ' ');
  const name = heading !== '' ? cleanSeriesName(heading) : slug;
  // Dev.to lists a series in its order ("… Series' Articles"); archives often list newest first, so they only tell membership.
  return { name, entries, ordered: /series[’'`]\s*articles?\s*$/i.test(heading) };
}

function baseOf(doc: AnyNode, pageUrl: string): string {
  const base = findFirst(doc, (el) => el.name === 'base' && el.attribs.href !== undefined);
  return (base && absoluteWebUrl(base.attribs.href, pageUrl)) ?? pageUrl;
}

/**
 * The series a page declares, in page order. A page that is one series (a series/taxonomy page)
 * yields that series; otherwise each heading over a numbered list of links (or over a list or loose
 * links, when the heading says "series") is a series in list order. Lists under headings such as
 * "Recent posts" or "Popular" are never series.
 */
export function readSeriesOutline(html: string, pageUrl: string): SeriesOutline[] {
  const doc = parseHtml(html);
  const base = baseOf(doc, pageUrl);
  const sections = sectionSeries(doc, base);
  if (sections.length > 0) return sections;
  const page = pageSeries(doc, pageUrl, base);
  return page ? [page] : [];
}
