import { browser } from 'wxt/browser';
import type { Post } from '../db';
import { t, tCount } from '../i18n/t';

/** What a notification about new posts says. */
export interface NotificationContent {
  id: string;
  title: string;
  message: string;
}

/** A new post with the series it was placed in, for the notification text. */
export interface NewPost {
  post: Pick<Post, 'id' | 'title' | 'part' | 'sortAt'>;
  seriesName?: string;
}

const PREFIX = 'partwise:post:';

/** Formats "Series · Part 3" when a post is in a series, else undefined. */
export function seriesLabel(seriesName: string | undefined, part: number | undefined): string | undefined {
  if (!seriesName) return undefined;
  return part === undefined ? seriesName : t('seriesPart', seriesName, part);
}

/**
 * One notification for a batch of new posts of one feed: a single post is named with its series
 * and part; several say "N new posts in Blog". The id names the post a click opens.
 */
export function newPostsNotification(feedTitle: string, batch: readonly NewPost[]): NotificationContent | undefined {
  if (batch.length === 0) return undefined;
  // A click on a batch opens the earliest post, where reading would start.
  const first = [...batch].sort((a, b) => a.post.sortAt - b.post.sortAt || a.post.id - b.post.id)[0]!;
  if (batch.length === 1) {
    const label = seriesLabel(first.seriesName, first.post.part);
    return { id: `${PREFIX}${first.post.id}`, title: first.post.title, message: label ? t('postInFeed', label, feedTitle) : feedTitle };
  }
  return { id: `${PREFIX}${first.post.id}`, title: tCount('newPostsIn', batch.length, feedTitle), message: first.post.title };
}

/** The post a notification id points at, or undefined for ids that are not ours. */
export function postIdFromNotification(notificationId: string): number | undefined {
  if (!notificationId.startsWith(PREFIX)) return undefined;
  const id = Number(notificationId.slice(PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Shows the notification through the browser. */
export async function showNotification(content: NotificationContent): Promise<void> {
  await browser.notifications.create(content.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: content.title,
    message: content.message,
  });
}
