import { describe, expect, it, vi } from 'vitest';
import { cardGridPage, SEED_CARDS, type Card } from '../../test/fixtures/pages/card-grid';
import { addSubscription, getSubscription, type PartwiseDatabase, type Subscription } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { FetchModified, FetchResult } from '../feeds/fetch';
import { extractListings } from '../pages/extract-listing';
import type { NotificationContent } from './notify';
import { listingLostMessage, scriptShellMessage } from './page-listing';
import { refreshFeed, type RefreshDeps } from './refresh-feed';

const PAGE = 'https://jane.test/';
const BLOG = 'https://blog.test';
const NOW = Date.UTC(2026, 10, 1, 12);
const MIN = 60_000;
const encoder = new TextEncoder();

function page(html: string, extra: Partial<FetchModified> = {}): FetchResult {
  return { kind: 'modified', body: encoder.encode(html), contentType: 'text/html; charset=utf-8', finalUrl: PAGE, redirected: false, ...extra };
}
const grid = (cards: readonly Card[] = SEED_CARDS, filler = '') => page(cardGridPage({ blog: BLOG, cards, filler }));
const NEW_CARD: Card = { title: 'Structured Concurrency with Task Groups', description: 'TaskGroup and timeouts in Python 3.11, and what they replace.', slug: 'structured-concurrency-with-task-groups' };
const KEY = extractListings(cardGridPage({ blog: BLOG }), PAGE).candidates[0]!.key;

function harness(db: () => PartwiseDatabase, answers: FetchResult[]) {
  const notifications: NotificationContent[] = [];
  const parse = vi.fn(() => {
    throw new Error('a followed page never goes through the feed parser');
  });
  const fetch = vi.fn(async () => answers.shift() ?? { kind: 'failed' as const, url: PAGE, reason: 'network' as const, host: 'jane.test', detail: 'no more answers' });
  let clock = NOW;
  const deps: RefreshDeps = { db: db(), fetch, parse, notify: async (n) => void notifications.push(n), now: () => (clock += MIN), random: () => 0 };
  return { deps, notifications, fetch };
}

async function followed(db: () => PartwiseDatabase, key: string | undefined = KEY): Promise<Subscription> {
  return addSubscription(db(), { feedUrl: PAGE, title: '', listing: key === undefined ? {} : { key } }, NOW - MIN);
}

async function reread(db: () => PartwiseDatabase, id: number): Promise<Subscription> {
  return (await getSubscription(db(), id))!;
}

describe('refreshFeed on a followed page', () => {
  const db = useTestDatabase();

  it('stores the 17 cards silently, titled by their headings, identified by normalized URL, under the page title', async () => {
    const { deps, notifications } = harness(db, [grid()]);
    const sub = await followed(db);
    expect(await refreshFeed(deps, sub)).toMatchObject({ result: 'updated', added: 17 });
    expect(notifications).toEqual([]);
    const posts = await db().posts.toArray();
    expect(posts.map((p) => p.title).sort()).toEqual(SEED_CARDS.map((c) => c.title).sort());
    expect(posts.every((p) => p.guid === p.normalizedUrl && p.url!.startsWith(`${BLOG}/posts/`))).toBe(true);
    const after = await reread(db, sub.id);
    expect(after).toMatchObject({ title: 'Selected Posts · Jane Doe', status: 'ok', listing: { key: KEY }, postOrigins: [BLOG] });
    expect(after.listing!.itemsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds a new card as one new post with one notification; a card that leaves the page stays', async () => {
    const { deps, notifications } = harness(db, [grid(), grid([NEW_CARD, ...SEED_CARDS.slice(1)])]);
    const sub = await followed(db);
    await refreshFeed(deps, sub);
    const outcome = await refreshFeed(deps, await reread(db, sub.id));
    expect(outcome).toMatchObject({ result: 'updated', added: 1 });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe(NEW_CARD.title);
    const titles = (await db().posts.toArray()).map((p) => p.title);
    expect(titles).toHaveLength(18);
    expect(titles).toContain(SEED_CARDS[0]!.title);
  });

  it('writes no posts when the markup changed but the list did not', async () => {
    const { deps } = harness(db, [grid(), grid(SEED_CARDS, '<p class="build">Built at 12:01</p>')]);
    const sub = await followed(db);
    await refreshFeed(deps, sub);
    const before = await db().posts.toArray();
    const outcome = await refreshFeed(deps, await reread(db, sub.id));
    expect(outcome).toMatchObject({ result: 'unchanged', added: 0 });
    expect(await db().posts.toArray()).toEqual(before);
  });

  it('says so in the status when the list is gone (redesign) and keeps the posts', async () => {
    const redesigned = '<html><body><main><p>We moved things around. Everything is still here, just elsewhere.</p></main></body></html>';
    const { deps } = harness(db, [grid(), page(redesigned)]);
    const sub = await followed(db);
    await refreshFeed(deps, sub);
    const outcome = await refreshFeed(deps, await reread(db, sub.id));
    expect(outcome).toMatchObject({ result: 'failed', error: listingLostMessage() });
    expect(await reread(db, sub.id)).toMatchObject({ status: 'error', lastError: listingLostMessage(), errorStreak: 1 });
    expect(await db().posts.count()).toBe(17);
  });

  it('names a JavaScript shell as such', async () => {
    const shell = '<html><head><script src="/app.js"></script></head><body><div id="root"></div></body></html>';
    const { deps } = harness(db, [page(shell)]);
    expect(await refreshFeed(deps, await followed(db))).toMatchObject({ result: 'failed', error: scriptShellMessage() });
  });

  it('picks the best list on the first refresh of a page imported without a key', async () => {
    const { deps } = harness(db, [grid()]);
    const sub = await followed(db, undefined);
    await refreshFeed(deps, sub);
    expect((await reread(db, sub.id)).listing?.key).toBe(KEY);
  });

  it.each<[string, FetchResult, Partial<Subscription>]>([
    ['a 304 (conditional GET with the page’s validators)', { kind: 'not-modified', finalUrl: PAGE, redirected: false }, { status: 'ok', lastResult: 'not-modified' }],
    ['a 410', { kind: 'gone', finalUrl: PAGE }, { status: 'gone', nextCheckAt: Number.MAX_SAFE_INTEGER }],
    ['a 429 with Retry-After', { kind: 'failed', url: PAGE, reason: 'http', status: 429, retryAt: NOW + 120 * MIN }, { status: 'error', retryAfterUntil: NOW + 120 * MIN }],
  ])('handles %s as for a feed', async (_name, second, expected) => {
    const { deps, fetch } = harness(db, [grid(), second]);
    const first = await followed(db);
    await refreshFeed(deps, first);
    await db().subscriptions.update(first.id, { etag: '"v1"' });
    await refreshFeed(deps, await reread(db, first.id));
    expect(fetch).toHaveBeenLastCalledWith(PAGE, { etag: '"v1"', lastModified: undefined });
    expect(await reread(db, first.id)).toMatchObject(expected);
  });
});
