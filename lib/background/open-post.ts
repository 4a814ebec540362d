import { browser } from 'wxt/browser';
import { setRead, type PartwiseDatabase } from '../db';
import { t } from '../i18n/t';

/** Thrown when a post cannot be opened (gone from the library, or it has no link). */
export class OpenPostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenPostError';
  }
}

/** Opens a post in a new tab (in front, or behind for middle/ctrl-click) and marks it read. */
export async function openPost(db: PartwiseDatabase, postId: number, background: boolean, now: number): Promise<void> {
  const post = await db.posts.get(postId);
  if (!post) throw new OpenPostError(t('postErrorGone'));
  if (!post.url || !/^https?:\/\//i.test(post.url)) throw new OpenPostError(t('postErrorNoAddress', post.title));
  await browser.tabs.create({ url: post.url, active: !background });
  await setRead(db, [postId], true, now);
}
