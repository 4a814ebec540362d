import { describe, expect, it } from 'vitest';
import { buildRss, ASGI_ITEMS } from '../../test/fixtures/build-rss';
import { addSubscription, listSubscriptions } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import { GLOBAL_CONCURRENCY, refreshAll } from './refresh-all';
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
      return db().transaction('rw', db().subscriptions, db().posts, db().series, db().prunedPosts, work);
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
        ? { kind: 'failed', reason: 'http', status: 500, message: 'HTTP 500' }
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
});
