import { describe, expect, it, vi } from 'vitest';
import { buildRss, ASGI_ITEMS, ASGI_PART_4 } from '../../test/fixtures/build-rss';
import { addSubscription, getSubscription, setRead, setSeriesOverrides, type Subscription } from '../db';
import { useTestDatabase } from '../db/test-support';
import { parseFeed } from '../feeds/parse';
import type { NotificationContent } from './notify';
import { movedPatch, refreshFeed, type RefreshDeps } from './refresh-feed';
import type { FetchModified, FetchResult } from '../feeds/fetch';

const FEED = 'https://blog.test/feed.xml';
const NOW = Date.UTC(2026, 10, 1, 12);
const MIN = 60_000;
const encoder = new TextEncoder();

function modified(xml: string, extra: Partial<FetchModified> = {}): FetchResult {
  return { kind: 'modified', body: encoder.encode(xml), contentType: 'application/rss+xml', finalUrl: FEED, redirected: false, ...extra };
}

const asgi = (items = ASGI_ITEMS, ttl?: number) => buildRss({ title: 'Kfir’s blog', site: 'https://blog.test/', items, ttl });

function harness(db: () => import('../db').PartwiseDatabase, answers: FetchResult[]) {
  const notifications: NotificationContent[] = [];
  const parse = vi.fn((body: Uint8Array, options: { url: string; contentType?: string }) => parseFeed(body, options));
  const fetch = vi.fn(async () => answers.shift() ?? { kind: 'failed' as const, url: FEED, reason: 'network' as const, host: 'blog.test', detail: 'no more answers' });
  const deps: RefreshDeps = { db: db(), fetch, parse, notify: async (n) => void notifications.push(n), now: () => NOW, random: () => 0 };
  return { deps, notifications, parse, fetch };
}

async function subscription(db: () => import('../db').PartwiseDatabase): Promise<Subscription> {
  return addSubscription(db(), { feedUrl: FEED, title: '' }, NOW - MIN);
}

async function refreshed(db: () => import('../db').PartwiseDatabase, id: number): Promise<Subscription> {
  const current = await getSubscription(db(), id);
  if (!current) throw new Error('subscription vanished');
  return current;
}

describe('refreshFeed', () => {
  const db = useTestDatabase();

  it('stores a first fetch silently, with series and parts, and schedules the next check', async () => {
    const { deps, notifications } = harness(db, [modified(asgi())]);
    const sub = await subscription(db);
    const outcome = await refreshFeed(deps, sub);
    expect(outcome).toMatchObject({ result: 'updated', added: 5, parsed: true });
    expect(notifications).toEqual([]);
    const posts = (await db().posts.toArray()).sort((a, b) => a.sortAt - b.sortAt);
    expect(posts.filter((p) => p.seriesKey !== undefined).map((p) => p.part)).toEqual([1, 2, 3]);
    const after = await refreshed(db, sub.id);
    expect(after).toMatchObject({ status: 'ok', title: 'Kfir’s blog', errorStreak: 0, lastResult: 'updated', nextCheckAt: NOW + 30 * MIN });
    expect(after.postOrigins).toEqual(['https://blog.test']);
  });

  it('notifies once, naming the new part and its series, when a later refresh finds one post', async () => {
    const { deps, notifications } = harness(db, [modified(asgi()), modified(asgi([...ASGI_ITEMS, ASGI_PART_4]))]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    const outcome = await refreshFeed(deps, await refreshed(db, sub.id));
    expect(outcome.added).toBe(1);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe(ASGI_PART_4.title);
    expect(notifications[0]!.message).toMatch(/^From Passive FastAPI Developer to Real FastAPI Engineer · Part 4 — Kfir’s blog$/);
  });

  it.each<[string, FetchResult, Partial<Subscription>]>([
    ['a 304', { kind: 'not-modified', finalUrl: FEED, redirected: false }, { lastResult: 'not-modified', status: 'ok' }],
    ['a byte-identical body', modified(asgi()), { lastResult: 'unchanged', status: 'ok' }],
  ])('does no parse work for %s', async (_name, second, expected) => {
    const { deps, parse } = harness(db, [modified(asgi()), second]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    expect(parse).toHaveBeenCalledTimes(1);
    const outcome = await refreshFeed(deps, await refreshed(db, sub.id));
    expect(outcome.parsed).toBe(false);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(await refreshed(db, sub.id)).toMatchObject(expected);
  });

  it('moves the subscription on a permanent redirect and stays on a temporary one', async () => {
    const moved = 'https://new.blog.test/feed.xml';
    const { deps } = harness(db, [
      modified(asgi(), { finalUrl: moved, redirected: true, permanentRedirect: false }),
      modified(asgi([...ASGI_ITEMS, ASGI_PART_4]), { finalUrl: moved, redirected: true, permanentRedirect: true }),
    ]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    expect((await refreshed(db, sub.id)).feedUrl).toBe(FEED);
    await refreshFeed(deps, await refreshed(db, sub.id));
    expect((await refreshed(db, sub.id)).feedUrl).toBe(moved);
  });

  it.each<[string, { pendingRedirect?: string }, { redirected: boolean; permanentRedirect?: boolean }, Record<string, unknown>]>([
    ['no redirect', {}, { redirected: false }, {}],
    ['no redirect clears a pending one', { pendingRedirect: 'https://b.test/f' }, { redirected: false }, { pendingRedirect: undefined }],
    ['a known permanent redirect', {}, { redirected: true, permanentRedirect: true }, { feedUrl: 'https://b.test/f', pendingRedirect: undefined }],
    ['a known temporary redirect', {}, { redirected: true, permanentRedirect: false }, {}],
    ['a hidden redirect seen once', {}, { redirected: true }, { pendingRedirect: 'https://b.test/f' }],
    ['a hidden redirect seen twice', { pendingRedirect: 'https://b.test/f' }, { redirected: true }, { feedUrl: 'https://b.test/f', pendingRedirect: undefined }],
    ['a hidden redirect elsewhere', { pendingRedirect: 'https://c.test/f' }, { redirected: true }, { pendingRedirect: 'https://b.test/f' }],
  ])('movedPatch: %s', (_name, subscription, outcome, expected) => {
    expect(movedPatch({ feedUrl: 'https://a.test/f', ...subscription }, { finalUrl: 'https://b.test/f', ...outcome })).toEqual(expected);
  });

  it('marks a 410 feed gone, keeps its posts and stops polling', async () => {
    const { deps } = harness(db, [modified(asgi()), { kind: 'gone', finalUrl: FEED }]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    await refreshFeed(deps, await refreshed(db, sub.id));
    const after = await refreshed(db, sub.id);
    expect(after).toMatchObject({ status: 'gone', lastResult: 'gone', nextCheckAt: Number.MAX_SAFE_INTEGER });
    expect(after.lastError).toMatch(/gone for good/);
    expect(await db().posts.count()).toBe(5);
  });

  it('backs off exponentially after failures and recovers on success', async () => {
    const failure: FetchResult = { kind: 'failed', url: FEED, reason: 'http', status: 500 };
    const { deps } = harness(db, [failure, failure, failure, modified(asgi())]);
    const sub = await subscription(db);
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await refreshFeed(deps, await refreshed(db, sub.id));
      waits.push((await refreshed(db, sub.id)).nextCheckAt - NOW);
    }
    expect(waits).toEqual([30 * MIN, 60 * MIN, 120 * MIN]);
    expect(await refreshed(db, sub.id)).toMatchObject({ status: 'error', errorStreak: 3, lastError: 'The site had an internal error (HTTP 500).' });
    await refreshFeed(deps, await refreshed(db, sub.id));
    const recovered = await refreshed(db, sub.id);
    expect(recovered).toMatchObject({ status: 'ok', errorStreak: 0 });
    expect(recovered.lastError).toBeUndefined();
  });

  it('honours Retry-After on 429/503', async () => {
    const retryAt = NOW + 5 * 60 * MIN;
    const { deps } = harness(db, [{ kind: 'failed', url: FEED, reason: 'http', status: 429, retryAt }]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    expect(await refreshed(db, sub.id)).toMatchObject({ nextCheckAt: retryAt, retryAfterUntil: retryAt });
  });

  it('honours an RSS ttl longer than the interval', async () => {
    const { deps } = harness(db, [modified(asgi(ASGI_ITEMS, 180))]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    expect(await refreshed(db, sub.id)).toMatchObject({ serverMinMinutes: 180, nextCheckAt: NOW + 180 * MIN });
  });

  it('records a broken feed as an error in plain words and keeps what was stored', async () => {
    const { deps } = harness(db, [modified(asgi()), modified('<html><body>Site maintenance</body></html>')]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    const outcome = await refreshFeed(deps, await refreshed(db, sub.id));
    expect(outcome.result).toBe('failed');
    expect((await refreshed(db, sub.id)).lastError).toMatch(/does not serve a feed/);
    expect(await db().posts.count()).toBe(5);
  });

  it('keeps read state and re-applies the user’s series overrides on refresh', async () => {
    const { deps } = harness(db, [modified(asgi()), modified(asgi([...ASGI_ITEMS, ASGI_PART_4]))]);
    const sub = await subscription(db);
    await refreshFeed(deps, sub);
    const part1 = (await db().posts.toArray()).find((p) => p.part === 1)!;
    await setRead(db(), [part1.id], true, NOW);
    await setSeriesOverrides(db(), sub.id, part1.seriesKey!, [{ kind: 'rename', seriesKey: part1.seriesKey!, name: 'Real FastAPI', at: NOW }]);
    await refreshFeed(deps, await refreshed(db, sub.id));
    const after = await db().posts.get(part1.id);
    expect(after).toMatchObject({ unread: 0, part: 1 });
    const series = await db().series.where('subscriptionId').equals(sub.id).toArray();
    expect(series.map((s) => s.name)).toEqual(['Real FastAPI']);
    expect((await db().posts.toArray()).filter((p) => p.seriesKey === part1.seriesKey).length).toBe(4);
  });
});
