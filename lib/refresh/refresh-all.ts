import { dueSubscriptions, getSettings, listSubscriptions, type Subscription } from '../db';
import { refreshFeed, type RefreshDeps, type RefreshOptions } from './refresh-feed';
import type { RefreshOutcome } from './types';
import { batchedTransactions } from './transaction-batcher';
import { politeFetcher } from './polite-fetcher';

/** At most this many feeds are fetched at once. */
export const GLOBAL_CONCURRENCY = 6;
/** At most this many feeds of one host are fetched at once, to be polite to shared hosts. */
export const PER_HOST_CONCURRENCY = 2;

/** Which subscriptions a refresh covers. */
export interface RefreshAllOptions extends RefreshOptions {
  /** Refresh every active subscription, not only the due ones. */
  force?: boolean;
  /** Refresh only these subscriptions (due or not). */
  ids?: readonly number[];
}

async function selectSubscriptions(deps: RefreshDeps, options: RefreshAllOptions): Promise<Subscription[]> {
  if (options.ids) {
    const rows = await deps.db.subscriptions.bulkGet([...options.ids]);
    return rows.filter((row): row is Subscription => row !== undefined && row.archivedAt === undefined);
  }
  if (options.force) return (await listSubscriptions(deps.db)).filter((row) => row.status !== 'gone');
  return dueSubscriptions(deps.db, deps.now());
}

/**
 * Refreshes due (or chosen) subscriptions, fetching at most 6 feeds at once and 2 per host. One failing feed
 * never stops the others: its error is recorded on it and reported in the outcome list.
 */
export async function refreshAll(deps: RefreshDeps, options: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  const subscriptions = await selectSubscriptions(deps, options);
  const settings = options.settings ?? (await getSettings(deps.db));
  const batched: RefreshDeps = {
    ...deps,
    fetch: politeFetcher(deps.fetch, { global: GLOBAL_CONCURRENCY, perHost: PER_HOST_CONCURRENCY }),
    transact: deps.transact ?? batchedTransactions(deps.db),
  };
  return Promise.all(subscriptions.map((subscription) => refreshOne(batched, subscription, { ...options, settings })));
}

async function refreshOne(deps: RefreshDeps, subscription: Subscription, options: RefreshOptions): Promise<RefreshOutcome> {
  try {
    return await refreshFeed(deps, subscription, options);
  } catch (error) {
    // An unexpected error (a storage failure, a bug) is reported with its feed, never swallowed.
    const message = `Refreshing ${subscription.feedUrl} failed: ${error instanceof Error ? error.message : String(error)}`;
    console.error(message, error);
    return { subscriptionId: subscription.id, result: 'failed', added: 0, parsed: false, error: message };
  }
}
