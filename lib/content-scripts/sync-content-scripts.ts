import { browser } from 'wxt/browser';

/** Id of the one content script Partwise registers at run time. */
export const VISIT_SCRIPT_ID = 'partwise-visit';

/** Path of the built content script inside the extension. */
export const VISIT_SCRIPT_FILE = 'content-scripts/content.js';

/** Turns origins like `https://example.com` into match patterns for `registerContentScripts`. */
export function originsToMatchPatterns(origins: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    // Match patterns ignore ports, so the hostname alone names the site.
    patterns.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...patterns].sort();
}

/**
 * Registers the visit content script for exactly these origins (replacing any earlier
 * registration), or removes it when there are none. Idempotent, so start-up can always call it.
 */
export async function syncContentScripts(origins: Iterable<string>): Promise<string[]> {
  const matches = originsToMatchPatterns(origins);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [VISIT_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [VISIT_SCRIPT_ID] });
  if (matches.length === 0) return matches;
  await browser.scripting.registerContentScripts([
    { id: VISIT_SCRIPT_ID, matches, js: [VISIT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return matches;
}
