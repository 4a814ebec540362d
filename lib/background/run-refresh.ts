import { refreshAll, type RefreshAllOptions } from '../refresh/refresh-all';
import type { RefreshOutcome } from '../refresh/types';
import { afterSubscriptionsChange } from './after-change';
import { backgroundDeps } from './background-deps';
import { applySyncedReadMarks } from '../sync/sync-engine';
import { whileKeptAlive } from './keep-alive';
import { refreshSeriesPages } from '../refresh/refresh-series-pages';

/**
 * Refreshes the chosen subscriptions (by default, the due ones), then updates the badge, the next
 * alarm and the content-script sites, keeping the background awake meanwhile (Firefox would stop
 * its event page 30 s into a long refresh). What a stopped worker left undone is simply still due.
 */
export function runRefresh(options: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  return whileKeptAlive(async () => {
    const deps = backgroundDeps();
    const outcomes = await refreshAll(deps, options);
    await refreshSeriesPages(deps, outcomes);
    await applySyncedReadMarks(deps.db);
    await afterSubscriptionsChange(deps.db, deps.now());
    return outcomes;
  });
}
