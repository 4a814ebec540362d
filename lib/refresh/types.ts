import type { Subscription } from '../db';
import type { FetchResult } from '../feeds/fetch';

/** Fetches a feed with its validators. */
export type FeedFetcher = (url: string, validators: { etag?: string; lastModified?: string }) => Promise<FetchResult>;

/** How one refresh ended, kept on the subscription for the UI and for tests. */
export type RefreshResultKind = NonNullable<Subscription['lastResult']>;

/** What {@link refreshFeed} reports. */
export interface RefreshOutcome {
  subscriptionId: number;
  result: RefreshResultKind;
  added: number;
  /** Whether a body was parsed (a 304 or byte-identical body parses nothing). */
  parsed: boolean;
  error?: string;
}
