import { addSubscription, findSubscriptionByFeedUrl, subscriptionTitle, type PartwiseDatabase } from '../db';
import { isFeedError } from '../feeds/feed-error';
import type { ParsedFeed } from '../feeds/types';
import type { FeedChoice, SubscribeResult } from '../messaging/protocol';
import { refreshFeed, type RefreshDeps } from '../refresh/refresh-feed';
import type { FetchModified } from '../feeds/fetch';
import { t } from '../i18n/t';
import { fetchFailureMessage } from '../refresh/error-messages';
import { seriesPageFromHtml, type ReadSeriesPage } from '../refresh/series-pages';
import { sha256Hex } from '../refresh/sha256-hex';
import { attachSeriesPage } from './attach-series-page';

/** What the user asked to subscribe to; `seriesPageUrl` is the page that led to this feed (see FeedChoice). */
export type SubscribeRequest = { url: string; title?: string; seriesPageUrl?: string };

/** The series a fetched page lists, or undefined when it lists none. */
async function pageSeries(deps: SubscribeDeps, outcome: FetchModified): Promise<ReadSeriesPage | undefined> {
  const html = deps.decodeHtml(outcome.body, outcome.contentType);
  const read = await seriesPageFromHtml(outcome.finalUrl, html, await sha256Hex(outcome.body), { etag: outcome.etag, lastModified: outcome.lastModified }, deps.now());
  return read.declarations.length > 0 ? read : undefined;
}

/** An existing subscription reached through a page that lists its series keeps that page too. */
async function keptWith(deps: SubscribeDeps, result: SubscribeResult, page: ReadSeriesPage | string | undefined): Promise<SubscribeResult> {
  if (result.kind === 'exists') await keepSeriesPage(deps, result.subscriptionId, page);
  return result;
}

/** Keeps the page that led to the feed as its series page when it places two of its posts; never fails the subscription. */
async function keepSeriesPage(deps: SubscribeDeps, subscriptionId: number, page: ReadSeriesPage | string | undefined): Promise<number> {
  if (page === undefined) return 0;
  try {
    return await attachSeriesPage(deps, subscriptionId, page);
  } catch (error) {
    // The feed is subscribed either way; the page is simply not kept, and the reason is logged.
    console.warn(`Partwise: the series page ${typeof page === 'string' ? page : page.state.url} was not kept`, error);
    return 0;
  }
}
import { pageOffer } from './follow-page';
import { parseWebAddress } from '../urls/web-address';

/** Why subscribing failed, in words for the user. */
export class SubscribeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscribeError';
  }
}

/** What subscribing needs beyond the refresh dependencies. */
export interface SubscribeDeps extends RefreshDeps {
  /** Finds the feeds a web page offers. */
  discover: (pageUrl: string, html: string) => Promise<FeedChoice[]>;
  /** Decodes a page body for discovery. */
  decodeHtml: (body: Uint8Array, contentType?: string) => string;
}

/** The http(s) URL the user means (`example.com/blog` gets https), without its fragment. */
export function webUrl(input: string): string {
  const address = parseWebAddress(input);
  if (!address.ok) throw new SubscribeError(address.message);
  return address.url;
}

function tryParse(deps: SubscribeDeps, outcome: FetchModified): ParsedFeed | undefined {
  try {
    return deps.parse(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType });
  } catch (error) {
    if (isFeedError(error) && error.code === 'not-a-feed') return undefined;
    if (isFeedError(error)) throw new SubscribeError(t('subscribeErrorUnreadableFeed', error.message));
    throw error;
  }
}

/** Fetches a URL, or explains in words why it could not. */
export async function fetchOrExplain(deps: SubscribeDeps, url: string): Promise<FetchModified> {
  const outcome = await deps.fetch(url, {});
  if (outcome.kind === 'modified') return outcome;
  if (outcome.kind === 'gone') throw new SubscribeError(t('subscribeErrorGone'));
  if (outcome.kind === 'failed') throw new SubscribeError(t('subscribeErrorNotLoaded', url, fetchFailureMessage(outcome)));
  throw new SubscribeError(t('subscribeErrorNoContent', url));
}

/** The live subscription to one of these URLs, as an 'exists' answer. */
export async function existing(db: PartwiseDatabase, urls: readonly string[]): Promise<SubscribeResult | undefined> {
  for (const url of urls) {
    const found = await findSubscriptionByFeedUrl(db, url);
    if (found && found.archivedAt === undefined) return { kind: 'exists', subscriptionId: found.id, title: subscriptionTitle(found) };
  }
  return undefined;
}

/**
 * Subscribes to a feed URL, or to the one feed a site URL offers (several: the user chooses).
 * The body fetched here is stored at once, silently (a first fetch notifies nothing).
 */
export async function subscribe(deps: SubscribeDeps, request: SubscribeRequest, depth = 0, seriesPage?: ReadSeriesPage): Promise<SubscribeResult> {
  const url = webUrl(request.url);
  const known = await existing(deps.db, [url]);
  if (known) return keptWith(deps, known, seriesPage ?? request.seriesPageUrl);
  const outcome = await fetchOrExplain(deps, url);
  const feed = tryParse(deps, outcome);
  if (!feed) {
    const html = deps.decodeHtml(outcome.body, outcome.contentType);
    const feeds = await deps.discover(outcome.finalUrl, html);
    // No feed: the page itself may list posts, which the user can follow after a preview.
    if (feeds.length === 0) return pageOffer(html, outcome.finalUrl);
    // A page that names its feed may also list the feed's series: it is read now and kept if it places posts.
    const page = await pageSeries(deps, outcome);
    // Several feeds, or one on another site (which needs its own host access, asked in a new click): the user picks.
    if (feeds.length > 1 || depth > 0 || new URL(feeds[0]!.url).hostname !== new URL(outcome.finalUrl).hostname) {
      return { kind: 'choose', feeds: page ? feeds.map((feed) => ({ ...feed, seriesPageUrl: page.state.url })) : feeds };
    }
    return subscribe(deps, { url: feeds[0]!.url, title: request.title ?? feeds[0]!.title }, depth + 1, page);
  }
  const duplicate = await existing(deps.db, [outcome.finalUrl]);
  if (duplicate) return keptWith(deps, duplicate, seriesPage ?? request.seriesPageUrl);
  const subscription = await addSubscription(
    deps.db,
    { feedUrl: outcome.finalUrl, siteUrl: feed.siteUrl, title: request.title?.trim() || feed.title || outcome.finalUrl },
    deps.now(),
  );
  // The fetched body is reused, so subscribing costs one request.
  const replay: RefreshDeps = { ...deps, fetch: async () => outcome };
  const result = await refreshFeed(replay, subscription, { silent: true });
  if (result.result === 'failed') throw new SubscribeError(result.error ?? t('subscribeErrorFeedNotStored'));
  const placed = await keepSeriesPage(deps, subscription.id, seriesPage ?? request.seriesPageUrl);
  return { kind: 'subscribed', subscriptionId: subscription.id, title: subscriptionTitle(subscription), postCount: feed.items.length, ...(placed > 0 ? { seriesPosts: placed } : {}) };
}
