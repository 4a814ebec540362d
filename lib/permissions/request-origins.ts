import { browser } from 'wxt/browser';
import { webOrigin } from '../urls/web-origin';

/** The origin match patterns (`https://host/*`) that give access to these URLs (match patterns ignore ports). */
export function originPatterns(urls: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const raw of urls) {
    const origin = webOrigin(raw);
    if (origin) patterns.add(`${origin}/*`);
  }
  return [...patterns];
}

/**
 * Asks for host access to the sites of these URLs. Call it first thing in a click handler: Firefox
 * only honours a request made synchronously in the user's gesture. Resolves true when access is
 * (already) granted, false when the user declined.
 */
export function requestOrigins(urls: Iterable<string>): Promise<boolean> {
  const origins = originPatterns(urls);
  if (origins.length === 0) return Promise.resolve(false);
  return browser.permissions.request({ origins });
}
