import { armAlarmBeforeRun } from '../refresh/alarms';
import { refreshAll, type RefreshAllOptions } from '../refresh/refresh-all';
import type { RefreshDeps } from '../refresh/refresh-feed';
import { LEASE_MS, leaseBlocks, releaseLease, writeLease, type RefreshLease } from '../refresh/refresh-lease';
import type { RefreshOutcome } from '../refresh/types';
import { afterSubscriptionsChange } from './after-change';
import { backgroundDeps } from './background-deps';
import { applySyncedReadMarks } from '../sync/sync-engine';
import { whileKeptAlive } from './keep-alive';
import { refreshSeriesPages } from '../refresh/refresh-series-pages';

/** Runs a refresh: one at a time, a request made during a run joins it. */
export type RefreshRunner = (options?: RefreshAllOptions) => Promise<RefreshOutcome[]>;

interface ActiveRun {
  promise: Promise<RefreshOutcome[]>;
  force: boolean;
  lease: RefreshLease;
  now: () => number;
}

function report(task: string): (error: unknown) => void {
  return (error) => console.error(`Partwise: ${task} failed`, error);
}

/**
 * A runner of refreshes, one at a time in this worker. The next alarm is armed before the work starts,
 * so a worker stopped mid-run (or a step that throws) never leaves the schedule empty. The run holds a
 * lease in session storage, renewed as feeds finish: a request during the run joins it (one limiter,
 * each feed fetched once); a lease that expired (a hung run) or that a stopped worker left holds nothing.
 */
export function createRefreshRunner(
  makeDeps: () => RefreshDeps,
  afterRun: (deps: RefreshDeps, outcomes: RefreshOutcome[]) => Promise<unknown> = (deps) => afterSubscriptionsChange(deps.db, deps.now()),
): RefreshRunner {
  const owner = crypto.randomUUID();
  let active: ActiveRun | undefined;

  const start = (options: RefreshAllOptions): Promise<RefreshOutcome[]> => {
    const deps = makeDeps();
    const lease: RefreshLease = { owner, expiresAt: deps.now() + LEASE_MS };
    let renewedAt = deps.now();
    const renew = (): void => {
      const now = deps.now();
      if (now - renewedAt < LEASE_MS / 4) return;
      renewedAt = now;
      lease.expiresAt = now + LEASE_MS;
      void writeLease(lease).catch(report('renewing the refresh lease'));
    };
    const work = async (): Promise<RefreshOutcome[]> => {
      try {
        await armAlarmBeforeRun(deps.db, deps.now());
        await writeLease(lease);
        const outcomes = await refreshAll(deps, { ...options, onFeedDone: renew });
        await afterRun(deps, outcomes);
        return outcomes;
      } finally {
        if (active?.lease === lease) active = undefined;
        await releaseLease(owner).catch(report('releasing the refresh lease'));
      }
    };
    // Recorded before the first await, so a request in the same task already joins this run.
    const run: ActiveRun = { promise: work(), force: options.force === true, lease, now: deps.now };
    active = run;
    return run.promise;
  };

  const join = async (running: ActiveRun, options: RefreshAllOptions): Promise<RefreshOutcome[]> => {
    // A joined run that failed covered nothing: this request then runs on its own.
    const outcomes = await running.promise.catch((): RefreshOutcome[] => []);
    const covered = new Set(outcomes.map((outcome) => outcome.subscriptionId));
    if (options.ids) {
      const wanted = new Set(options.ids);
      const missing = options.ids.filter((id) => !covered.has(id));
      const more = missing.length > 0 ? await runner({ ...options, ids: missing }) : [];
      return [...outcomes.filter((outcome) => wanted.has(outcome.subscriptionId)), ...more];
    }
    // "Refresh all" during a scheduled run: the feeds it did not cover are refreshed after it.
    if (options.force && !running.force) return [...outcomes, ...(await runner({ ...options, skipIds: covered }))];
    return outcomes;
  };

  const runner: RefreshRunner = (options = {}) => {
    const running = active;
    if (running && leaseBlocks(running.lease, owner, running.now())) return join(running, options);
    return start(options);
  };
  return runner;
}

let backgroundRunner: RefreshRunner | undefined;

// What follows a background run: the series pages of feeds that brought posts, read marks synced from
// other browsers, then the badge, the next alarm and the content-script sites.
async function afterBackgroundRun(deps: RefreshDeps, outcomes: RefreshOutcome[]): Promise<void> {
  await refreshSeriesPages(deps, outcomes);
  await applySyncedReadMarks(deps.db);
  await afterSubscriptionsChange(deps.db, deps.now());
}

/**
 * Refreshes the chosen subscriptions (by default, the due ones), then updates the badge, the next
 * alarm and the content-script sites, keeping the background awake meanwhile (Firefox would stop
 * its event page 30 s into a long refresh). What a stopped worker left undone is simply still due.
 */
export function runRefresh(options: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  backgroundRunner ??= createRefreshRunner(backgroundDeps, afterBackgroundRun);
  return whileKeptAlive(() => backgroundRunner!(options));
}
