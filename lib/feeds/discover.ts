/**
 * Finds the feeds a web page offers without a DOM (service workers have no DOMParser): the
 * page's `<base>`, `<link>` and `<a>` elements, read through the project's one HTML parser.
 */
import { elementsOf, parseHtml, type Element, type HtmlWork } from '../pages/parse-html';
import { sniffFeedFormat } from './parse';

/** A feed a page offers. */
export interface DiscoveredFeed {
  url: string;
  title?: string;
  type: 'rss' | 'atom' | 'json' | 'unknown';
  source: 'link' | 'anchor' | 'well-known' | 'self';
}

/** Paths many blog engines serve their feed at. */
export const WELL_KNOWN_FEED_PATHS = ['/feed', '/feed.xml', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'] as const;

// Alternate types that announce a feed: the registered ones, and the unregistered but common
// `application/rss`, `application/atom` and `text/xml` that some engines still write.
const LINK_TYPES: Record<string, DiscoveredFeed['type']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/rss': 'rss',
  'application/x-rss+xml': 'rss',
  'text/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/atom': 'atom',
  'application/x-atom+xml': 'atom',
  'text/xml': 'unknown',
  'application/feed+json': 'json',
  'application/json': 'json',
};

// Only the head and the first part of the body matter; huge pages are not scanned to the end.
const SCAN_LIMIT = 512 * 1024;
const FEEDISH_HREF = /(?:^|[/.])(?:feed|rss|atom)(?:[/.]|\.xml|\.json|$)|\.(?:rss|atom)$|[?&](?:feed|format)=(?:rss|atom)/i;
// Characters no URL reference holds (RFC 3986): an href with one is a command line or a template
// (`|some-command` is the pipe-command syntax of some desktop readers), not an address.
const NOT_A_URL = /[\s|<>"{}^`\\]/;
// JSON alternates that are API resources, not feeds: WordPress's REST API (`/wp-json/…`, `?rest_route=`).
const JSON_API = /\/wp-json(?:\/|$)|[?&]rest_route=/i;

/** The absolute http(s) URL an href names against `base`, or undefined for anything else. */
function resolveWeb(href: string | undefined, base: string): string | undefined {
  const text = href?.trim();
  if (!text || NOT_A_URL.test(text)) return undefined;
  try {
    const url = new URL(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function typeFromHref(href: string): DiscoveredFeed['type'] {
  if (/atom/i.test(href)) return 'atom';
  if (/\.json(?:$|\?)/i.test(href)) return 'json';
  if (/rss|feed/i.test(href)) return 'rss';
  return 'unknown';
}

/** The feed an alternate `<link>` announces, or undefined when it announces something else. */
function alternateFeed(element: Element, url: string): DiscoveredFeed | undefined {
  const rel = (element.attribs.rel ?? '').toLowerCase().split(/\s+/);
  const mime = (element.attribs.type ?? '').toLowerCase().split(';')[0]!.trim();
  const declared = LINK_TYPES[mime];
  if (!rel.includes('alternate') || declared === undefined) return undefined;
  if (declared === 'json' && JSON_API.test(new URL(url).pathname + new URL(url).search)) return undefined;
  const type = declared === 'unknown' ? typeFromHref(url) : declared;
  const title = element.attribs.title?.trim();
  return { url, type, source: 'link', ...(title ? { title } : {}) };
}

/**
 * Feeds named in the page itself: `<link rel="alternate">` (against `<base>`) and anchors that
 * clearly point at feeds. `work`, when given, counts the parser's events and the elements visited.
 */
export function findFeedLinks(pageUrl: string, html: string, work?: HtmlWork): DiscoveredFeed[] {
  let base = pageUrl;
  const links: DiscoveredFeed[] = [];
  const anchors: DiscoveredFeed[] = [];
  for (const element of elementsOf(parseHtml(html.slice(0, SCAN_LIMIT), work))) {
    if (work) work.events++;
    const tag = element.name;
    if (tag !== 'base' && tag !== 'link' && tag !== 'a') continue;
    if (tag === 'base') {
      base = resolveWeb(element.attribs.href, pageUrl) ?? base;
      continue;
    }
    const url = resolveWeb(element.attribs.href, base);
    if (!url) continue;
    if (tag === 'link') {
      const feed = alternateFeed(element, url);
      if (feed) links.push(feed);
    } else if (FEEDISH_HREF.test(new URL(url).pathname + new URL(url).search) && !JSON_API.test(url)) {
      anchors.push({ url, type: typeFromHref(url), source: 'anchor' });
    }
  }
  return dedupe([...links, ...anchors]);
}

function dedupe(feeds: DiscoveredFeed[]): DiscoveredFeed[] {
  const seen = new Set<string>();
  return feeds.filter((feed) => (seen.has(feed.url) ? false : (seen.add(feed.url), true)));
}

/** Whether a fetched body looks like a feed, by content (never by Content-Type). */
export function looksLikeFeed(text: string): boolean {
  return sniffFeedFormat(text) !== undefined;
}

/** The kind of feed a body is, for a page that is itself a feed. */
function selfType(text: string): DiscoveredFeed['type'] {
  const format = sniffFeedFormat(text);
  return format === 'atom' ? 'atom' : format === 'json' ? 'json' : format === undefined ? 'unknown' : 'rss';
}

/** How to check a well-known path: resolves true when a feed answers there. */
export type FeedProbe = (url: string) => Promise<boolean>;

// The first bytes of a body as text: enough to sniff, without downloading a large page.
async function readPrefix(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, maxBytes);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

/** Default probe: GET the URL and sniff the start of the body. */
export async function probeFeed(url: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'omit' });
    if (!response.ok) {
      await response.body?.cancel();
      return false;
    }
    return looksLikeFeed(await readPrefix(response, 65536));
  } catch {
    // An unreachable well-known path simply is not a feed.
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Finds a page's feeds: the page itself when it is a feed, its alternate links and feed-like
 * anchors, and else the well-known paths of its site, probed in parallel.
 */
export async function discoverFeeds(pageUrl: string, html: string, options: { probe?: FeedProbe } = {}): Promise<DiscoveredFeed[]> {
  if (looksLikeFeed(html)) return [{ url: pageUrl, type: selfType(html), source: 'self' }];
  const named = findFeedLinks(pageUrl, html);
  if (named.some((feed) => feed.source === 'link')) return named.filter((feed) => feed.source === 'link');
  if (named.length > 0) return named;
  const probe = options.probe ?? probeFeed;
  const origin = new URL(pageUrl).origin;
  const candidates = WELL_KNOWN_FEED_PATHS.map((path) => `${origin}${path}`);
  const answers = await Promise.all(candidates.map((url) => probe(url)));
  return candidates.filter((_, i) => answers[i]).slice(0, 1).map((url) => ({ url, type: typeFromHref(url), source: 'well-known' as const }));
}
