import { addSubscription, findSubscriptionByFeedUrl, subscriptionTitle, type PartwiseDatabase } from '../db';
import { isFeedError } from '../feeds/feed-error';
import type { ParsedFeed } from '../feeds/types';
import type { FeedChoice, SubscribeResult } from '../messaging/protocol';
import { refreshFeed, type RefreshDeps } from '../refresh/refresh-feed';
import type { FetchModified } from '../feeds/fetch';
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

function webUrl(input: string): string {
  const address = parseWebAddress(input);
  if (!address.ok) throw new SubscribeError(address.message);
  return address.url;
}

function tryParse(deps: SubscribeDeps, outcome: FetchModified): ParsedFeed | undefined {
  try {
    return deps.parse(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType });
  } catch (error) {
    if (isFeedError(error) && error.code === 'not-a-feed') return undefined;
    if (isFeedError(error)) throw new SubscribeError(`This address serves a feed Partwise cannot read: ${error.message}`);
    throw error;
  }
}

async function fetchOrExplain(deps: SubscribeDeps, url: string): Promise<FetchModified> {
  const outcome = await deps.fetch(url, {});
  if (outcome.kind === 'modified') return outcome;
  if (outcome.kind === 'gone') throw new SubscribeError('The site says this address is gone for good (HTTP 410).');
  if (outcome.kind === 'failed') throw new SubscribeError(`Could not load ${url}: ${outcome.message}`);
  throw new SubscribeError(`Could not load ${url}: the server sent no content.`);
}

async function existing(db: PartwiseDatabase, urls: readonly string[]): Promise<SubscribeResult | undefined> {
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
export async function subscribe(deps: SubscribeDeps, request: { url: string; title?: string }, depth = 0): Promise<SubscribeResult> {
  const url = webUrl(request.url);
  const known = await existing(deps.db, [url]);
  if (known) return known;
  const outcome = await fetchOrExplain(deps, url);
  const feed = tryParse(deps, outcome);
  if (!feed) {
    const feeds = await deps.discover(outcome.finalUrl, deps.decodeHtml(outcome.body, outcome.contentType));
    if (feeds.length === 0) throw new SubscribeError('No feed was found at this address or on this page.');
    // Several feeds, or one on another site (which needs its own host access, asked in a new click): the user picks.
    if (feeds.length > 1 || depth > 0 || new URL(feeds[0]!.url).hostname !== new URL(outcome.finalUrl).hostname) return { kind: 'choose', feeds };
    return subscribe(deps, { url: feeds[0]!.url, title: request.title ?? feeds[0]!.title }, depth + 1);
  }
  const duplicate = await existing(deps.db, [outcome.finalUrl]);
  if (duplicate) return duplicate;
  const subscription = await addSubscription(
    deps.db,
    { feedUrl: outcome.finalUrl, siteUrl: feed.siteUrl, title: request.title?.trim() || feed.title || outcome.finalUrl },
    deps.now(),
  );
  // The fetched body is reused, so subscribing costs one request.
  const replay: RefreshDeps = { ...deps, fetch: async () => outcome };
  const result = await refreshFeed(replay, subscription, { silent: true });
  if (result.result === 'failed') throw new SubscribeError(result.error ?? 'The feed could not be stored.');
  return { kind: 'subscribed', subscriptionId: subscription.id, title: subscriptionTitle(subscription), postCount: feed.items.length };
}
