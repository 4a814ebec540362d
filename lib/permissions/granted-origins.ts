import { browser } from 'wxt/browser';

const ALL_SITES = new Set(['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*']);

/** Whether a granted match pattern covers an origin (`https://host`). */
export function patternCovers(pattern: string, origin: string): boolean {
  if (ALL_SITES.has(pattern)) return true;
  const match = /^(\*|https?):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, wildcard, host] = match;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  return url.hostname === host || (wildcard !== undefined && url.hostname.endsWith(`.${host}`));
}

/** A test of origins against the host access granted now (one permissions call for any number of origins). */
export async function grantedOriginTest(): Promise<(origin: string) => boolean> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return (origin) => granted.some((pattern) => patternCovers(pattern, origin));
}
