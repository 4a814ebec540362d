/** Following a page that has no feed: the preview offered instead of "no feed", and the confirmed follow. */
import { addSubscription, subscriptionTitle } from '../db';
import type { PageCandidatePreview, PageOffer, SubscribeResult } from '../messaging/protocol';
import { t } from '../i18n/t';
import { extractListings, type ListingCandidate } from '../pages/extract-listing';
import { scriptShellMessage } from '../refresh/page-listing';
import { refreshFeed, type RefreshDeps } from '../refresh/refresh-feed';
import { webOrigin } from '../urls/web-origin';
import { existing, fetchOrExplain, SubscribeError, webUrl, type SubscribeDeps } from './subscribe';

/** What the user is told when a page has neither a feed nor a list of posts. */
export function noFeedNorListMessage(): string {
  return t('subscribeErrorNoFeedNorList');
}

const PREVIEW_TITLES = 5;
// As many sites as a feed's posts may span (see postOrigins): more is an aggregator, not a blog.
const MAX_ORIGINS = 20;

function preview(candidate: ListingCandidate): PageCandidatePreview {
  const origins = new Set<string>();
  for (const item of candidate.items) {
    const origin = webOrigin(item.url);
    if (origin && origins.size < MAX_ORIGINS) origins.add(origin);
  }
  return { key: candidate.key, count: candidate.items.length, titles: candidate.items.slice(0, PREVIEW_TITLES).map((item) => item.title), origins: [...origins].sort() };
}

/** The page's lists of posts for the user to preview, or a SubscribeError saying why there are none. */
export function pageOffer(html: string, pageUrl: string): { kind: 'page'; page: PageOffer } {
  const page = extractListings(html, pageUrl);
  if (page.candidates.length === 0) throw new SubscribeError(page.scriptShell ? scriptShellMessage() : noFeedNorListMessage());
  return { kind: 'page', page: { url: pageUrl, title: page.title ?? pageUrl, candidates: page.candidates.map(preview) } };
}

/**
 * Follows the list `key` names on a page without a feed, after the user confirmed its preview. The
 * page is fetched again (the preview may be old) and stored at once, silently, like a first fetch.
 */
export async function followPage(deps: SubscribeDeps, request: { url: string; key: string; title?: string }): Promise<SubscribeResult> {
  const url = webUrl(request.url);
  const known = await existing(deps.db, [url]);
  if (known) return known;
  const outcome = await fetchOrExplain(deps, url);
  const duplicate = await existing(deps.db, [outcome.finalUrl]);
  if (duplicate) return duplicate;
  const page = extractListings(deps.decodeHtml(outcome.body, outcome.contentType), outcome.finalUrl);
  const candidate = page.candidates.find((c) => c.key === request.key);
  if (!candidate) throw new SubscribeError(t('subscribeErrorListGone'));
  const subscription = await addSubscription(
    deps.db,
    { feedUrl: outcome.finalUrl, siteUrl: outcome.finalUrl, title: request.title?.trim() || page.title || outcome.finalUrl, listing: { key: candidate.key } },
    deps.now(),
  );
  const replay: RefreshDeps = { ...deps, fetch: async () => outcome };
  const result = await refreshFeed(replay, subscription, { silent: true });
  if (result.result === 'failed') throw new SubscribeError(result.error ?? t('subscribeErrorPageNotStored'));
  return { kind: 'subscribed', subscriptionId: subscription.id, title: subscriptionTitle(subscription), postCount: candidate.items.length };
}
