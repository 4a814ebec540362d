import { postsAtUrls, upsertPosts, type PartwiseDatabase } from '../db';
import { t } from '../i18n/t';
import { SAVED_PAGES_SUBSCRIPTION } from '../reading-list/load-reading-list';
import { normalizeArticleUrl } from '../urls/normalize';

/** Thrown for a page that cannot be saved (not a web page). */
export class SavePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavePageError';
  }
}

/** Adds a page to the reading list as a standalone unread item; saving it again changes nothing. */
export async function savePage(db: PartwiseDatabase, page: { url: string; title: string }, now: number): Promise<{ postId: number; created: boolean }> {
  let normalizedUrl: string;
  try {
    normalizedUrl = normalizeArticleUrl(page.url);
  } catch {
    throw new SavePageError(t('savePageErrorNotWebPage'));
  }
  return db.transaction('rw', [db.posts, db.prunedPosts, db.pendingReadMarks], async () => {
    const existing = await postsAtUrls(db, SAVED_PAGES_SUBSCRIPTION, [normalizedUrl]).first();
    if (existing) return { postId: existing.id, created: false };
    const title = page.title.trim() || page.url;
    const { added } = await upsertPosts(db, SAVED_PAGES_SUBSCRIPTION, [{ guid: normalizedUrl, url: page.url, normalizedUrl, title, authors: [], categories: [], published: now }], now);
    const post = added[0]!;
    await db.posts.update(post.id, { saved: 1 });
    return { postId: post.id, created: true };
  });
}
