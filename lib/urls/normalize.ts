import { stripAmpVariant } from './amp.ts';
import { articleKeyFromUrl } from './article-key.ts';
import { UrlError } from './url-error.ts';

export { UrlError } from './url-error.ts';
export type { UrlErrorCode } from './url-error.ts';

/** Page metadata that may name the article's real address. */
export interface ArticleUrlHints {
  canonical?: string | null;
  ogUrl?: string | null;
}

/**
 * Matching key for "the same article" (not a URL: `host[:port]/path[?query]`).
 * Throws `UrlError` (`invalid-url` or `unsupported-scheme`) unless `url` is an absolute http(s) URL.
 */
export function normalizeArticleUrl(url: string): string {
  return articleKeyFromUrl(parseWebUrl(url));
}

/**
 * Distinct keys a visited page may match: the page, its non-AMP variant, and its
 * canonical / og:url links resolved against the page. Never throws; invalid inputs are skipped.
 */
export function articleUrlKeys(pageUrl: string, hints?: ArticleUrlHints): string[] {
  const keys = new Set<string>();
  const page = tryParseWebUrl(pageUrl);
  addKeys(keys, page);
  for (const hint of [hints?.canonical, hints?.ogUrl]) {
    if (typeof hint === 'string' && hint.trim() !== '') addKeys(keys, tryParseWebUrl(hint, page));
  }
  return [...keys];
}

function addKeys(keys: Set<string>, url: URL | null): void {
  if (url === null) return;
  keys.add(articleKeyFromUrl(url));
  const nonAmp = stripAmpVariant(url);
  if (nonAmp !== null && isWebUrl(nonAmp)) keys.add(articleKeyFromUrl(nonAmp));
}

function parseWebUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new UrlError('invalid-url', 'This is not a complete web address.', text);
  }
  if (!isWebUrl(url)) {
    throw new UrlError('unsupported-scheme', `Only http and https addresses can be matched, not "${url.protocol}".`, text);
  }
  return url;
}

function tryParseWebUrl(text: string, base?: URL | null): URL | null {
  try {
    return parseWebUrl(text, base ?? undefined);
  } catch (error) {
    // articleUrlKeys promises not to throw: a bad hint must not hide the page's own key.
    if (error instanceof UrlError) return null;
    throw error;
  }
}

function isWebUrl(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
