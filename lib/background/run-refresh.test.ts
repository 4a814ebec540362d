import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { buildRss, ASGI_ITEMS } from '../../test/fixtures/build-rss';
import { addSubscription } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import { REFRESH_ALARM, RUN_RETRY_DELAY_MS, scheduleRefreshAlarm } from '../refresh/alarms';
import { PER_HOST_CONCURRENCY } from '../refresh/refresh-all';
import type { RefreshDeps } from '../refresh/refresh-feed';
import { LEASE_MS, readLease, writeLease } from '../refresh/refresh-lease';
import { createRefreshRunner } from './run-refresh';

const NOW = Date.UTC(2026, 10, 1, 12);
const body = new TextEncoder().encode(buildRss({ title: 'Blog', site: 'https://blog.test/', items: ASGI_ITEMS }));
const modified = (url: string): FetchResult => ({ kind: 'modified', body, contentType: 'application/rss+xml', finalUrl: url, redirected: false });

/** A network whose answers wait until the test lets them through, counting requests per URL and per host. */
function gatedNetwork() {
  const requests: string[] = [];
  const waiting: (() => void)[] = [];
  let inFlightPerHost = new Map<string, number>();
  let maxPerHost = 0;
  const fetch = async (url: string): Promise<FetchResult> => {
    requests.push(url);
    const host = new URL(url).host;
    inFlightPerHost.set(host, (inFlightPerHost.get(host) ?? 0) + 1);
    maxPerHost = Math.max(maxPerHost, inFlightPerHost.get(host)!);
    await new Promise<void>((resolve) => waiting.push(resolve));
    inFlightPerHost.set(host, inFlightPerHost.get(host)! - 1);
    return modified(url);
  };
  const openAll = (): void => {
    inFlightPerHost = new Map(inFlightPerHost);
    for (const release of waiting.splice(0)) release();
  };
  return { fetch, requests, waiting, openAll, maxPerHost: () => maxPerHost };
}

describe('createRefreshRunner', () => {
  const db = useTestDatabase();
  const deps = (fetch: RefreshDeps['fetch'], now = () => NOW): (() => RefreshDeps) => () => ({
    db: db(),
    fetch,
    parse: parseFeed,
    notify: async () => undefined,
    now,
    random: () => 0,
  });
  const afterRun = (d: RefreshDeps) => scheduleRefreshAlarm(d.db, d.now());

  async function subscribe(urls: readonly string[]): Promise<void> {
    for (const feedUrl of urls) await addSubscription(db(), { feedUrl, title: feedUrl }, NOW - 1);
  }

  /** Lets every request through until the run ends (its feeds each fetched once). */
  async function finish<T>(network: ReturnType<typeof gatedNetwork>, run: Promise<T>): Promise<T> {
    let done = false;
    void run.finally(() => (done = true));
    while (!done) {
      network.openAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return run;
  }

  it('arms the next alarm before the first request, so a worker stopped mid-run still has one', async () => {
    await subscribe(['https://a.test/feed.xml']);
    const network = gatedNetwork();
    const run = createRefreshRunner(deps(network.fetch), afterRun)();
    await vi.waitFor(() => expect(network.requests).toHaveLength(1));
    // The worker "stops" here: the run never ends, yet an alarm brings the due feed back.
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ scheduledTime: NOW + RUN_RETRY_DELAY_MS });
    await finish(network, run);
  });

  it('keeps an alarm when a step after the refresh throws', async () => {
    await subscribe(['https://a.test/feed.xml']);
    const failing = async () => {
      throw new Error('badge failed');
    };
    const run = createRefreshRunner(deps(async (url) => modified(url)), failing)();
    await expect(run).rejects.toThrow('badge failed');
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeDefined();
  });

  it('runs one refresh at a time: requests during a run join it, each feed is fetched once, per-host limits hold', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://shared.test/feed-${i}.xml`);
    await subscribe(urls);
    const network = gatedNetwork();
    const runner = createRefreshRunner(deps(network.fetch), afterRun);
    const scheduled = runner();
    const startUp = runner();
    const refreshAll = runner({ force: true });
    await vi.waitFor(() => expect(network.requests.length).toBeGreaterThan(0));
    const [first, second, third] = await finish(network, Promise.all([scheduled, startUp, refreshAll]));
    expect(network.requests.sort()).toEqual([...urls].sort());
    expect(network.maxPerHost()).toBeLessThanOrEqual(PER_HOST_CONCURRENCY);
    expect(first).toHaveLength(6);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('refreshes after the joined run what a request asked for and the run did not cover', async () => {
    await subscribe(['https://a.test/feed.xml', 'https://b.test/feed.xml']);
    await db().subscriptions.where('feedUrl').equals('https://b.test/feed.xml').modify({ nextCheckAt: NOW + 3_600_000 });
    const network = gatedNetwork();
    const runner = createRefreshRunner(deps(network.fetch), afterRun);
    const due = runner();
    const all = runner({ force: true });
    const outcomes = await finish(network, Promise.all([due, all]));
    expect(network.requests).toEqual(['https://a.test/feed.xml', 'https://b.test/feed.xml']);
    expect(outcomes.map((list) => list.length)).toEqual([1, 2]);
  });

  it('holds a lease while running and gives it back after', async () => {
    await subscribe(['https://a.test/feed.xml']);
    const network = gatedNetwork();
    const run = createRefreshRunner(deps(network.fetch), afterRun)();
    await vi.waitFor(() => expect(network.requests).toHaveLength(1));
    expect(await readLease()).toMatchObject({ expiresAt: NOW + LEASE_MS });
    await finish(network, run);
    expect(await readLease()).toBeUndefined();
  });

  it('is not blocked by a lease a stopped worker left behind', async () => {
    await subscribe(['https://a.test/feed.xml']);
    await writeLease({ owner: 'a worker that was stopped', expiresAt: NOW + LEASE_MS });
    const outcomes = await createRefreshRunner(deps(async (url) => modified(url)), afterRun)();
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['updated']);
  });

  it('starts a new run instead of joining one whose lease expired (a hung run)', async () => {
    await subscribe(['https://a.test/feed.xml']);
    let now = NOW;
    const network = gatedNetwork();
    const runner = createRefreshRunner(deps(network.fetch, () => now), afterRun);
    const hung = runner();
    await vi.waitFor(() => expect(network.requests).toHaveLength(1));
    now = NOW + LEASE_MS + 1;
    const fresh = runner({ force: true });
    await vi.waitFor(() => expect(network.requests).toHaveLength(2));
    await finish(network, Promise.all([hung, fresh]));
  });
});
