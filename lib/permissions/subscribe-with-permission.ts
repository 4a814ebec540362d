import { sendMessage, type FeedChoice, type PageOffer } from '../messaging/protocol';
import { t, tCount } from '../i18n/t';
import { parseWebAddress } from '../urls/web-address';
import { requestOrigins } from './request-origins';

/** What a subscribe attempt from a page led to, in words for the user. */
export type SubscribeAttempt = { kind: 'done'; message: string; ok: boolean } | { kind: 'choose'; feeds: FeedChoice[] } | { kind: 'page'; page: PageOffer };

/** The sentence shown when the user declines host access. */
export const permissionDeclined = (): string => t('permissionDeclined');

/**
 * Asks for access to the feed's and the page's sites in the user's gesture, then subscribes. With
 * several feeds to choose from, nothing is asked yet: the user picks one first.
 */
export async function subscribeWithPermission(feeds: readonly FeedChoice[], pageUrl?: string): Promise<SubscribeAttempt> {
  if (feeds.length > 1) return { kind: 'choose', feeds: [...feeds] };
  const feed = feeds[0];
  if (!feed) return { kind: 'done', ok: false, message: t('noFeed') };
  // Read as the background will (`example.com/blog` is https://…), before asking for its site.
  const address = parseWebAddress(feed.url);
  if (!address.ok) return { kind: 'done', ok: false, message: address.message };
  const granted = await requestOrigins([address.url, ...(pageUrl ? [pageUrl] : []), ...(feed.seriesPageUrl ? [feed.seriesPageUrl] : [])]);
  if (!granted) return { kind: 'done', ok: false, message: permissionDeclined() };
  const result = await sendMessage('subscribe', { url: address.url, title: feed.title, ...(feed.seriesPageUrl ? { seriesPageUrl: feed.seriesPageUrl } : {}) });
  switch (result.kind) {
    case 'subscribed':
      return { kind: 'done', ok: true, message: [tCount('subscribed', result.postCount, result.title), ...(result.seriesPosts ? [tCount('inAuthorsSeries', result.seriesPosts)] : [])].join(' ') };
    case 'exists':
      return { kind: 'done', ok: true, message: t('alreadySubscribedTo', result.title) };
    case 'choose':
      return { kind: 'choose', feeds: result.feeds };
    case 'page':
      return { kind: 'page', page: result.page };
  }
}
