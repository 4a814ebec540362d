import { describe, expect, it, vi } from 'vitest';
import { buildRss, ASGI_ITEMS } from '../../test/fixtures/build-rss';
import { addSubscription, listSubscriptions, refreshTables } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import { GLOBAL_CONCURRENCY, MAX_FEEDS_IN_FLIGHT, refreshAll } from './refresh-all';
import type { RefreshDeps } from './refresh-feed';
import type { TransactionRunner } from './transaction-batcher';

const NOW = Date.UTC(2026, 10, 1, 12);
const body = new TextEncoder().encode(buildRss({ title: 'Blog', site: 'https://blog.test/', items: ASGI_ITEMS }));

function deps(db: RefreshDeps['db'], fetch: RefreshDeps['fetch'], transact?: TransactionRunner): RefreshDeps {
  return { db, fetch, parse: parseFeed, notify: async () => undefined, now: () => NOW, random: () => 0, transact };
}

describe('refreshAll', () => {
  const db = useTestDatabase();

  async function subscribe(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await addSubscription(db(), { feedUrl: `https://host-${i}.test/feed.xml`, title: `Blog ${i}` }, NOW - 1);
  }

  it('keeps fetching while library writes wait: a write never holds a network slot', async () => {
    await subscribe(GLOBAL_CONCURRENCY * 2);
    const fetched: string[] = [];
    const fetch = async (url: string): Promise<FetchResult> => {
      fetched.push(url);
      return { kind: 'modified', body, contentType: 'application/rss+xml', finalUrl: url, redirected: false };
    };
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const writes: TransactionRunner = async (work) => {
      await gate;
      return db().transaction('rw', refreshTables(db()), work);
    };
    const running = refreshAll(deps(db(), fetch, writes), { force: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetched).toHaveLength(GLOBAL_CONCURRENCY * 2);
    openGate();
    const outcomes = await running;
    expect(outcomes.map((outcome) => outcome.result)).toEqual(Array(GLOBAL_CONCURRENCY * 2).fill('updated'));
    expect(await db().posts.count()).toBe(GLOBAL_CONCURRENCY * 2 * ASGI_ITEMS.length);
  });

  it('records a failing feed on its subscription and still refreshes the others', async () => {
    await subscribe(3);
    const fetch = async (url: string): Promise<FetchResult> =>
      url.includes('host-1')
        ? { kind: 'failed', url, reason: 'http', status: 500 }
        : { kind: 'modified', body, contentType: 'application/rss+xml', finalUrl: url, redirected: false };
    const outcomes = await refreshAll(deps(db(), fetch), { force: true });
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['updated', 'failed', 'updated']);
    const rows = await listSubscriptions(db());
    expect(rows.map((row) => [row.feedUrl, row.status, row.errorStreak])).toEqual([
      ['https://host-0.test/feed.xml', 'ok', 0],
      ['https://host-1.test/feed.xml', 'error', 1],
      ['https://host-2.test/feed.xml', 'ok', 0],
    ]);
  });

  it('holds at most MAX_FEEDS_IN_FLIGHT feeds fetched but not yet written, however slow the writes', async () => {
    const total = MAX_FEEDS_IN_FLIGHT * 3;
    await subscribe(total);
    let fetched = 0;
    let written = 0;
    let mostUnwritten = 0;
    const fetch = async (url: string): Promise<FetchResult> => {
      fetched += 1;
      mostUnwritten = Math.max(mostUnwritten, fetched - written);
      return { kind: 'modified', body, contentType: 'application/rss+xml', finalUrl: url, redirected: false };
    };
    // Each write waits for the test to let it through, one at a time.
    const waiting: (() => void)[] = [];
    const writes: TransactionRunner = async (work) => {
      await new Promise<void>((resolve) => waiting.push(resolve));
      const result = await db().transaction('rw', refreshTables(db()), work);
      written += 1;
      return result;
    };
    const running = refreshAll(deps(db(), fetch, writes), { force: true });
    while (written < total) {
      // Wait until the refresh has fetched all it may before the next write: then let one write through.
      await vi.waitFor(() => expect(waiting.length).toBeGreaterThanOrEqual(Math.min(total - written, MAX_FEEDS_IN_FLIGHT)));
      const before = written;
      waiting.shift()!();
      await vi.waitFor(() => expect(written).toBe(before + 1));
    }
    expect((await running).every((outcome) => outcome.result === 'updated')).toBe(true);
    expect(mostUnwritten).toBe(MAX_FEEDS_IN_FLIGHT);
  });

  it.each<[string, { force?: boolean; ids?: number[] }]>([
    ['“Refresh all”', { force: true }],
    ['“Refresh now” on the feed', { ids: [1] }],
    ['a scheduled refresh', {}],
  ])('%s skips a feed whose server asked (Retry-After) to wait', async (_name, options) => {
    await subscribe(2);
    await db().subscriptions.update(1, { retryAfterUntil: NOW + 7_200_000, nextCheckAt: NOW + 7_200_000, status: 'error' });
    const fetched: string[] = [];
    const fetch = async (url: string): Promise<FetchResult> => {
      fetched.push(url);
      return { kind: 'modified', body, contentType: 'application/rss+xml', finalUrl: url, redirected: false };
    };
    await refreshAll(deps(db(), fetch), options);
    expect(fetched).not.toContain('https://host-0.test/feed.xml');
    const [waiting] = await listSubscriptions(db());
    expect(waiting).toMatchObject({ retryAfterUntil: NOW + 7_200_000 });
  });
});
