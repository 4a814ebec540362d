import { browser } from 'wxt/browser';
import { webOrigin } from '../urls/web-origin';

/** The match patterns of "all sites" (the optional host permission the settings can turn on). */
export const ALL_SITES_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];

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

/**
 * Asks, in the user's gesture, for what restoring a backup needs: access to its feeds' sites, and to
 * all sites when the backup had that setting on. Resolves false when the user declined.
 */
export function requestRestoreAccess(feedUrls: Iterable<string>, allSites: boolean): Promise<boolean> {
  const origins = [...originPatterns(feedUrls), ...(allSites ? ALL_SITES_ORIGINS : [])];
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins });
}
