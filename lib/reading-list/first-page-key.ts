/** Session-storage key of the popup's first page. */
export const FIRST_PAGE_KEY = 'partwise:first-page';
/** Posts on the first page: the popup's page size, so the live list that follows changes nothing. */
export const FIRST_PAGE_SIZE = 60;

/** The part of a storage area the popup reads. */
export interface KeyValueStore {
  get(key: string): Promise<Record<string, unknown>>;
}

/**
 * Session storage without the browser polyfill, which the popup's first paint must not wait for:
 * Firefox's own `browser`, else Chrome's `chrome` (both answer with promises in Manifest V3).
 */
export function sessionStore(): KeyValueStore {
  const native = (globalThis as { browser?: { storage?: { session?: KeyValueStore } } }).browser;
  return native?.storage?.session ?? chrome.storage.session;
}
