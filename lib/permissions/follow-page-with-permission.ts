import { t } from '../i18n/t';
import { sendMessage, type PageCandidatePreview, type PageOffer } from '../messaging/protocol';
import { requestOrigins } from './request-origins';
import type { SubscribeAttempt } from './subscribe-with-permission';

/** The sentence shown when the user declines host access for a followed page. */
export const followDeclined = (): string => t('followDeclined');

/**
 * Asks, in the user's gesture, for access to the page's site and the sites its posts live on (so
 * visiting a post marks it read), then follows the chosen list of posts.
 */
export async function followPageWithPermission(page: PageOffer, candidate: PageCandidatePreview): Promise<SubscribeAttempt> {
  const granted = await requestOrigins([page.url, ...candidate.origins]);
  if (!granted) return { kind: 'done', ok: false, message: followDeclined() };
  const result = await sendMessage('followPage', { url: page.url, key: candidate.key, title: page.title });
  switch (result.kind) {
    case 'subscribed':
      return { kind: 'done', ok: true, message: t('followingPage', result.title, result.postCount) };
    case 'exists':
      return { kind: 'done', ok: true, message: t('alreadyFollow', result.title) };
    case 'choose':
      return { kind: 'choose', feeds: result.feeds };
    case 'page':
      return { kind: 'page', page: result.page };
  }
}
