import pLimit from 'p-limit';
import { dueSubscriptions, getSettings, listSubscriptions, type Subscription } from '../db';
import { t } from '../i18n/t';
import { refreshFeed, type RefreshDeps, type RefreshOptions } from './refresh-feed';
import type { RefreshOutcome } from './types';
import { batchedTransactions } from './transaction-batcher';
import { politeFetcher } from './polite-fetcher';

/** At most this many feeds are fetched at once. */
export const GLOBAL_CONCURRENCY = 6;
/** At most this many feeds of one host are fetched at once, to be polite to shared hosts. */
export const PER_HOST_CONCURRENCY = 2;
/**
 * At most this many feeds are in flight (fetching, parsed, or waiting to be written). Twice the network
 * limit keeps the network busy while writes catch up, and keeps a 500-feed refresh from holding
 * hundreds of parsed bodies in memory at once.
 */
export const MAX_FEEDS_IN_FLIGHT = 2 * GLOBAL_CONCURRENCY;

/** Which subscriptions a refresh covers. */
export interface RefreshAllOptions extends RefreshOptions {
  /** Refresh every active subscription, not only the due ones. */
  force?: boolean;
  /** Refresh only these subscriptions (due or not). */
  ids?: readonly number[];
  /** Leave these out (already refreshed by the run a request joined). */
  skipIds?: ReadonlySet<number>;
  /** Called as each feed finishes, so a long run can show it is alive. */
  onFeedDone?: () => void;
}

/** Whether the server asked us (Retry-After) not to come back before a time still in the future. */
export function underRetryAfter(subscription: Subscription, now: number): boolean {
  return subscription.retryAfterUntil !== undefined && subscription.retryAfterUntil > now;
}

async function chosenSubscriptions(deps: RefreshDeps, options: RefreshAllOptions): Promise<Subscription[]> {
  if (options.ids) {
    const rows = await deps.db.subscriptions.bulkGet([...options.ids]);
    return rows.filter((row): row is Subscription => row !== undefined && row.archivedAt === undefined);
  }
  if (options.force) return (await listSubscriptions(deps.db)).filter((row) => row.status !== 'gone');
  return dueSubscriptions(deps.db, deps.now());
}

/** The subscriptions a refresh covers; a manual refresh skips feeds whose server asked us to wait. */
async function selectSubscriptions(deps: RefreshDeps, options: RefreshAllOptions): Promise<Subscription[]> {
  const now = deps.now();
  const rows = await chosenSubscriptions(deps, options);
  return rows.filter((row) => !options.skipIds?.has(row.id) && !underRetryAfter(row, now));
}

/**
 * Refreshes due (or chosen) subscriptions, fetching at most 6 feeds at once and 2 per host, with at most
 * 12 feeds in flight. One failing feed never stops the others: its error is recorded on it and reported
 * in the outcome list.
 */
export async function refreshAll(deps: RefreshDeps, options: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  const subscriptions = await selectSubscriptions(deps, options);
  const settings = options.settings ?? (await getSettings(deps.db));
  const batched: RefreshDeps = {
    ...deps,
    fetch: politeFetcher(deps.fetch, { global: GLOBAL_CONCURRENCY, perHost: PER_HOST_CONCURRENCY }),
    transact: deps.transact ?? batchedTransactions(deps.db),
  };
  const inFlight = pLimit(MAX_FEEDS_IN_FLIGHT);
  const { ids: _ids, force: _force, skipIds: _skip, onFeedDone, ...feedOptions } = options;
  return Promise.all(
    subscriptions.map((subscription) =>
      inFlight(async () => {
        const outcome = await refreshOne(batched, subscription, { ...feedOptions, settings });
        onFeedDone?.();
        return outcome;
      }),
    ),
  );
}

async function refreshOne(deps: RefreshDeps, subscription: Subscription, options: RefreshOptions): Promise<RefreshOutcome> {
  try {
    return await refreshFeed(deps, subscription, options);
  } catch (error) {
    // An unexpected error (a storage failure, a bug) is reported with its feed, never swallowed.
    const message = t('refreshErrorUnexpected', subscription.feedUrl, error instanceof Error ? error.message : String(error));
    console.error(message, error);
    return { subscriptionId: subscription.id, result: 'failed', added: 0, parsed: false, error: message };
  }
}
