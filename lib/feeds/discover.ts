/**
 * Finds the feeds a web page offers without a DOM (service workers have no DOMParser): a small
 * tolerant scan of `<base>`, `<link>` and `<a>` start tags.
 */
import { decodeEntities } from './decode-entities';
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

const LINK_TYPES: Record<string, DiscoveredFeed['type']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

// Only the head and the first part of the body matter; huge pages are not scanned to the end.
const SCAN_LIMIT = 512 * 1024;
const TAG = /<(base|link|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const FEEDISH_HREF = /(?:^|[/.])(?:feed|rss|atom)(?:[/.]|\.xml|\.json|$)|\.(?:rss|atom)$|[?&](?:feed|format)=(?:rss|atom)/i;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!found.has(name)) found.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

function resolveWeb(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
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

/** Feeds named in the page itself: `<link rel="alternate">` (against `<base>`) and anchors that clearly point at feeds. */
export function findFeedLinks(pageUrl: string, html: string): DiscoveredFeed[] {
  let base = pageUrl;
  const links: DiscoveredFeed[] = [];
  const anchors: DiscoveredFeed[] = [];
  for (const match of html.slice(0, SCAN_LIMIT).matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    const attrs = attributes(match[2] ?? '');
    if (tag === 'base') {
      base = resolveWeb(attrs.get('href'), pageUrl) ?? base;
      continue;
    }
    const url = resolveWeb(attrs.get('href'), base);
    if (!url) continue;
    if (tag === 'link') {
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const type = LINK_TYPES[(attrs.get('type') ?? '').toLowerCase().split(';')[0]!.trim()];
      if (!rel.includes('alternate') || !type) continue;
      const title = attrs.get('title')?.trim();
      links.push({ url, type, source: 'link', ...(title ? { title } : {}) });
    } else if (FEEDISH_HREF.test(new URL(url).pathname + new URL(url).search)) {
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
