import { t } from '../i18n/t';
/**
 * A followed page read where a feed would be parsed: its list of posts as a ParsedFeed, so the
 * refresh stores, dedupes, detects series and notifies exactly as for a feed.
 */
import type { PageListing, Subscription } from '../db';
import { decodeBytes } from '../feeds/decode-bytes';
import type { ParsedFeed, ParsedItem } from '../feeds/types';
import { extractListings, findCandidate, type ListingItem } from '../pages/extract-listing';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { sha256Hex } from './sha256-hex';

/** Why a followed page yielded no posts, in words for the subscription's status. */
export class ListingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListingError';
  }
}

/** The status of a page whose list can no longer be found. */
export function listingLostMessage(): string {
  return t('listingLost');
}

/** The message for a page that builds its content with JavaScript. */
export function scriptShellMessage(): string {
  return t('scriptShell');
}

/** A page's post as the feed model holds it; its identity is its normalized URL. */
export function listingItemToParsed(item: ListingItem): ParsedItem {
  return {
    id: safeNormalizeArticleUrl(item.url) ?? item.url,
    title: item.title,
    url: item.url,
    ...(item.published ? { published: item.published } : {}),
    ...(item.summary ? { summary: item.summary } : {}),
    authors: [],
    categories: [],
    enclosures: [],
  };
}

/** A stable hash of what a list shows, so a page whose markup changed but whose posts did not writes nothing. */
export function listingHash(items: readonly ListingItem[]): Promise<string> {
  const text = JSON.stringify(items.map((item) => [item.url, item.title, item.summary ?? '', item.published ?? '']));
  return sha256Hex(new TextEncoder().encode(text));
}

/** A followed page's body read as a feed, with the listing state to store. Throws ListingError when the list is gone. */
export async function readPageListing(
  body: Uint8Array,
  options: { url: string; contentType?: string },
  listing: PageListing,
): Promise<{ feed: ParsedFeed; listing: PageListing }> {
  const page = extractListings(decodeBytes(body, options.contentType).text, options.url);
  const candidate = findCandidate(page.candidates, listing.key);
  if (!candidate) throw new ListingError(page.scriptShell ? scriptShellMessage() : listingLostMessage());
  const feed: ParsedFeed = {
    format: 'html',
    title: page.title ?? options.url,
    siteUrl: options.url,
    items: candidate.items.map(listingItemToParsed),
  };
  return { feed, listing: { key: candidate.key, itemsHash: await listingHash(candidate.items) } };
}

/** True for a subscription that follows a page rather than a feed. */
export function followsPage(subscription: Pick<Subscription, 'listing'>): subscription is Subscription & { listing: PageListing } {
  return subscription.listing !== undefined;
}
