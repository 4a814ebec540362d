import { browser } from 'wxt/browser';
import { originPatterns } from '../permissions/request-origins';

/** Id of the one content script Partwise registers at run time. */
export const VISIT_SCRIPT_ID = 'partwise-visit';

/** Path of the built content script inside the extension. */
export const VISIT_SCRIPT_FILE = 'visit.js';

/** Turns origins like `https://example.com` into sorted match patterns for `registerContentScripts`. */
export function originsToMatchPatterns(origins: Iterable<string>): string[] {
  return originPatterns(origins).sort();
}

// Calls are chained: two overlapping syncs (start-up and a subscribe) would otherwise race
// between reading and replacing the registration. The chain holds no state worth keeping.
let queue: Promise<unknown> = Promise.resolve();

async function applyRegistration(matches: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [VISIT_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [VISIT_SCRIPT_ID] });
    return;
  }
  const script = { id: VISIT_SCRIPT_ID, matches, js: [VISIT_SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/**
 * Registers the visit content script for exactly these origins (replacing any earlier
 * registration), or removes it when there are none. Idempotent, so start-up can always call it.
 */
export function syncContentScripts(origins: Iterable<string>): Promise<string[]> {
  const matches = originsToMatchPatterns(origins);
  const run = queue.then(() => applyRegistration(matches));
  queue = run.catch(() => undefined);
  return run.then(() => matches);
}
