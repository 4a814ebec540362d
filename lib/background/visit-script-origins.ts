import { browser } from 'wxt/browser';
import type { PartwiseDatabase } from '../db';

const ALL_SITES = new Set(['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*']);

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.protocol}//${parsed.hostname}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a granted match pattern covers an origin (`https://host`). */
function covers(pattern: string, origin: string): boolean {
  if (ALL_SITES.has(pattern)) return true;
  const match = /^(\*|https?):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, wildcard, host] = match;
  const url = new URL(origin);
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  return url.hostname === host || (wildcard !== undefined && url.hostname.endsWith(`.${host}`));
}

/** Origins of subscribed feeds, their sites and their posts (only those Partwise has been allowed to access). */
export async function visitScriptOrigins(db: PartwiseDatabase): Promise<string[]> {
  const origins = new Set<string>();
  const subscriptions = await db.subscriptions.filter((s) => s.archivedAt === undefined && s.markOnVisit).toArray();
  for (const subscription of subscriptions) {
    const candidates = [subscription.feedUrl, subscription.siteUrl, ...(subscription.postOrigins ?? [])];
    for (const candidate of candidates) {
      const origin = originOf(candidate);
      if (origin) origins.add(origin);
    }
  }
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return [...origins].filter((origin) => granted.some((pattern) => covers(pattern, origin))).sort();
}
