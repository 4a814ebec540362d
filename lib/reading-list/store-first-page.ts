import { browser } from 'wxt/browser';
import { getSettings, listSubscriptions, unreadCount, type PartwiseDatabase } from '../db';
import { failingFeeds } from './failing-feeds';
import { loadReadingList } from './load-reading-list';
import { FIRST_PAGE_KEY, FIRST_PAGE_SIZE } from './first-page-key';
import type { FirstPage } from './types';

/** Computes what the popup shows first, as the library holds it now. */
export async function buildFirstPage(db: PartwiseDatabase): Promise<FirstPage> {
  const [list, unread, subscriptions, settings] = await Promise.all([
    loadReadingList(db, { limit: FIRST_PAGE_SIZE, query: '', showRead: false }),
    unreadCount(db),
    listSubscriptions(db),
    getSettings(db),
  ]);
  return {
    version: 1,
    unread,
    groups: list.groups,
    hasMore: list.hasMore,
    failing: failingFeeds(subscriptions),
    hasSubscriptions: subscriptions.length > 0,
    theme: settings.theme,
  };
}

// Each store starts after the previous one has written, so an older page never overwrites a newer one.
let latest: Promise<void> = Promise.resolve();

/** Rebuilds the popup's first page after a library change (session storage: gone when the browser closes). */
export function storeFirstPage(db: PartwiseDatabase): Promise<void> {
  const run = async () => {
    const page = await buildFirstPage(db);
    await browser.storage.session.set({ [FIRST_PAGE_KEY]: page });
  };
  latest = latest.catch(() => undefined).then(run);
  return latest;
}
