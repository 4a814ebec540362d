import { refreshAll, type RefreshAllOptions } from '../refresh/refresh-all';
import type { RefreshOutcome } from '../refresh/types';
import { afterSubscriptionsChange } from './after-change';
import { backgroundDeps } from './background-deps';
import { refreshSeriesPages } from '../refresh/refresh-series-pages';

/**
 * Refreshes the chosen subscriptions (by default, the due ones), then updates the badge, the next
 * alarm and the content-script sites. What a stopped worker left undone is simply still due.
 */
export async function runRefresh(options: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  const deps = backgroundDeps();
  const outcomes = await refreshAll(deps, options);
  await refreshSeriesPages(deps, outcomes);
  await afterSubscriptionsChange(deps.db, deps.now());
  return outcomes;
}
