import type { RefreshOutcome } from './types';
import { foremApiUrl, refreshForemSeries } from './forem-series';
import { politeFetcher } from './polite-fetcher';
import { dueSeriesPages, refreshSeriesPage, type SeriesPageDeps } from './series-pages';

// Series pages are few and change rarely: one at a time per host, two at once overall.
const LIMITS = { global: 2, perHost: 1 };

/**
 * Checks the series pages that are due (daily) and those of feeds that just brought new posts, so
 * a post the author adds to a series lands where the author put it; and, for Forem feeds, the series
 * Forem's API tells (daily, on the feed's own host). Returns how many pages changed.
 */
export async function refreshSeriesPages(deps: SeriesPageDeps, outcomes: readonly RefreshOutcome[]): Promise<number> {
  const withNewPosts = new Set(outcomes.filter((outcome) => outcome.added > 0).map((outcome) => outcome.subscriptionId));
  const all = await deps.db.subscriptions.toArray();
  const polite: SeriesPageDeps = { ...deps, fetch: politeFetcher(deps.fetch, LIMITS) };
  await Promise.all(all.filter((s) => s.archivedAt === undefined && foremApiUrl(s.feedUrl) !== undefined).map((s) => refreshForemSeries(polite, s).catch((error: unknown) => console.error(`Reading the Forem series of ${s.feedUrl} failed`, error))));
  const subscriptions = all.filter((s) => (s.seriesPages?.length ?? 0) > 0);
  const due = dueSeriesPages(subscriptions, withNewPosts, deps.now());
  if (due.length === 0) return 0;
  const results = await Promise.all(
    due.map(({ subscription, page }) =>
      refreshSeriesPage(polite, subscription, page).catch((error: unknown) => {
        // A storage failure or a bug is reported with its page; the other pages still refresh.
        console.error(`Refreshing the series page ${page.url} failed`, error);
        return 'failed' as const;
      }),
    ),
  );
  return results.filter((result) => result === 'updated').length;
}
