import { FIRST_PAGE_KEY, sessionStore, type KeyValueStore } from './first-page-key';
import type { FirstPage } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether a stored value is a first page of the current version (anything else is ignored). */
export function isFirstPage(value: unknown): value is FirstPage {
  return (
    isRecord(value) &&
    value.version === 1 &&
    typeof value.unread === 'number' &&
    Array.isArray(value.groups) &&
    value.groups.every((group) => isRecord(group) && typeof group.key === 'string' && Array.isArray(group.posts)) &&
    typeof value.hasMore === 'boolean' &&
    Array.isArray(value.failing) &&
    typeof value.hasSubscriptions === 'boolean' &&
    (value.theme === 'system' || value.theme === 'light' || value.theme === 'dark')
  );
}

/** Reads the first page the background keeps ready, or undefined when there is none yet. */
export async function readFirstPage(
  // Not called `storage`: WXT's import injection would take that name for its own storage module and
  // pull 8 KB into the popup's first paint.
  area: KeyValueStore = sessionStore(),
): Promise<FirstPage | undefined> {
  try {
    const stored = (await area.get(FIRST_PAGE_KEY))[FIRST_PAGE_KEY];
    return isFirstPage(stored) ? stored : undefined;
  } catch (error) {
    // Without it the popup simply loads from the library, as on a first run.
    console.warn('Partwise: the first page could not be read', error);
    return undefined;
  }
}
