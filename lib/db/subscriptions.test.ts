import { describe, expect, it } from 'vitest';
import { DbError, isDbError } from './db-error';
import {
  addSubscription,
  deleteSubscription,
  dueSubscriptions,
  findSubscriptionByFeedUrl,
  getSubscription,
  listSubscriptions,
  subscriptionTitle,
  updateSubscription,
} from './subscriptions';
import { DAY, T0, item, subscribe, useTestDatabase } from './test-support';
import { subscriptionPosts } from './post-lookups';
import type { SubscriptionPatch } from './subscriptions';
import { upsertPosts } from './upsert-posts';
import { setRead } from './read-state';
import { setSeriesOverrides } from './series-store';
import { pruneReadPosts } from './prune';

const db = useTestDatabase();

describe('addSubscription', () => {
  it('stores a new subscription with defaults, due immediately', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://a.test/feed', title: 'A' }, T0);
    expect(sub).toEqual({
      id: expect.any(Number),
      feedUrl: 'https://a.test/feed',
      title: 'A',
      tags: [],
      nextCheckAt: T0,
      status: 'new',
      errorStreak: 0,
      notify: true,
      markOnVisit: true,
      createdAt: T0,
    });
    expect(await getSubscription(db(), sub.id)).toEqual(sub);
  });

  it('keeps optional inputs', async () => {
    const sub = await addSubscription(
      db(),
      { feedUrl: 'https://a.test/feed', siteUrl: 'https://a.test/', title: 'A', tags: ['x'], notify: false, markOnVisit: false },
      T0,
    );
    expect(sub).toMatchObject({ siteUrl: 'https://a.test/', tags: ['x'], notify: false, markOnVisit: false });
  });

  it('throws DbError duplicate for a feed URL already followed', async () => {
    await subscribe(db(), 'https://a.test/feed');
    const attempt = addSubscription(db(), { feedUrl: 'https://a.test/feed', title: 'again' }, T0);
    await expect(attempt).rejects.toBeInstanceOf(DbError);
    await expect(attempt).rejects.toMatchObject({ code: 'duplicate' });
    expect(await db().subscriptions.count()).toBe(1);
  });
});

describe('lookups', () => {
  it('finds by feed URL and lists by display title, hiding archived ones', async () => {
    const zed = await subscribe(db(), 'https://z.test/feed');
    await updateSubscription(db(), zed.id, { customTitle: 'alpha (custom)' });
    const b = await addSubscription(db(), { feedUrl: 'https://b.test/feed', title: 'Beta' }, T0);
    const c = await addSubscription(db(), { feedUrl: 'https://c.test/feed', title: 'gamma' }, T0);
    await deleteSubscription(db(), c.id, { keepPosts: true }, T0);

    expect((await findSubscriptionByFeedUrl(db(), 'https://b.test/feed'))?.id).toBe(b.id);
    expect(await findSubscriptionByFeedUrl(db(), 'https://nope.test/feed')).toBeUndefined();
    expect(await getSubscription(db(), 999)).toBeUndefined();
    expect((await listSubscriptions(db())).map(subscriptionTitle)).toEqual(['alpha (custom)', 'Beta']);
    expect((await listSubscriptions(db(), { includeArchived: true })).map(subscriptionTitle)).toEqual([
      'alpha (custom)',
      'Beta',
      'gamma',
    ]);
  });
});

describe('updateSubscription', () => {
  it('applies a patch, clears fields set to undefined and never changes id or createdAt', async () => {
    const sub = await subscribe(db());
    await updateSubscription(db(), sub.id, { etag: '"v1"', lastError: 'HTTP 500', errorStreak: 2, status: 'error' });
    const patch = { lastError: undefined, errorStreak: 0, status: 'ok', createdAt: 1, id: 77 } as SubscriptionPatch;
    const updated = await updateSubscription(db(), sub.id, patch);
    expect(updated).toEqual({ ...sub, etag: '"v1"', errorStreak: 0, status: 'ok' });
    expect(updated).not.toHaveProperty('lastError');
    expect(await getSubscription(db(), sub.id)).toEqual(updated);
  });

  it.each([
    ['not-found', async () => updateSubscription(db(), 404, { title: 'x' })],
    [
      'duplicate',
      async () => {
        await subscribe(db(), 'https://a.test/feed');
        const b = await subscribe(db(), 'https://b.test/feed');
        return updateSubscription(db(), b.id, { feedUrl: 'https://a.test/feed' });
      },
    ],
  ] as const)('throws DbError %s', async (code, run) => {
    await expect(run()).rejects.toSatisfy((error: unknown) => isDbError(error, code));
  });
});

describe('deleteSubscription', () => {
  it('removes the subscription with its posts, series, prune markers and waiting read marks, leaving others alone', async () => {
    const gone = await subscribe(db(), 'https://a.test/feed');
    const kept = await subscribe(db(), 'https://b.test/feed');
    const { added } = await upsertPosts(db(), gone.id, [item('1'), item('2')], T0);
    await upsertPosts(db(), kept.id, [item('1')], T0);
    await setSeriesOverrides(db(), gone.id, 's', [{ pin: true }]);
    await setRead(db(), [added[0]?.id ?? -1], true, T0);
    await pruneReadPosts(db(), 1, T0 + 2 * DAY);
    await db().pendingReadMarks.bulkPut([gone.id, kept.id].map((subscriptionId) => ({ subscriptionId, marks: { later: { readAt: T0 } } })));

    expect(await deleteSubscription(db(), gone.id, { keepPosts: false })).toBe(true);
    expect(await getSubscription(db(), gone.id)).toBeUndefined();
    expect(await subscriptionPosts(db(), gone.id).count()).toBe(0);
    expect(await db().series.count()).toBe(0);
    expect(await db().prunedPosts.count()).toBe(0);
    expect(await db().pendingReadMarks.toCollection().primaryKeys()).toEqual([kept.id]);
    expect(await subscriptionPosts(db(), kept.id).count()).toBe(1);
    expect(await deleteSubscription(db(), gone.id, { keepPosts: false })).toBe(false);
  });

  it('archives when keeping posts, and re-adding revives the row with its posts and read state', async () => {
    const sub = await subscribe(db(), 'https://a.test/feed');
    await updateSubscription(db(), sub.id, { customTitle: 'Mine', etag: '"old"', errorStreak: 4, status: 'error' });
    const { added } = await upsertPosts(db(), sub.id, [item('1'), item('2')], T0);
    await setRead(db(), [added[0]?.id ?? -1], true, T0);

    expect(await deleteSubscription(db(), sub.id, { keepPosts: true }, T0 + DAY)).toBe(true);
    expect((await getSubscription(db(), sub.id))?.archivedAt).toBe(T0 + DAY);
    expect(await dueSubscriptions(db(), T0 + 10 * DAY)).toEqual([]);
    expect(await db().posts.count()).toBe(2);

    const revived = await addSubscription(db(), { feedUrl: 'https://a.test/feed', title: 'A again' }, T0 + 2 * DAY);
    expect(revived).toMatchObject({ id: sub.id, createdAt: T0, customTitle: 'Mine', title: 'A again', status: 'new' });
    expect(revived).not.toHaveProperty('archivedAt');
    expect(revived).not.toHaveProperty('etag');
    expect(revived.errorStreak).toBe(0);
    const result = await upsertPosts(db(), sub.id, [item('1'), item('2')], T0 + 2 * DAY);
    expect(result).toEqual({ added: [], updated: 0, unchanged: 2, changed: [] });
    expect((await db().posts.get(added[0]?.id ?? -1))?.unread).toBe(0);
  });
});

describe('dueSubscriptions', () => {
  it.each<[string, SubscriptionPatch, boolean]>([
    ['new and due', {}, true],
    ['due exactly now', { nextCheckAt: T0 + DAY }, true],
    ['in error but due', { status: 'error', errorStreak: 3 }, true],
    ['scheduled later', { nextCheckAt: T0 + DAY + 1 }, false],
    ['gone', { status: 'gone' }, false],
    ['archived', { archivedAt: T0 }, false],
    ['inside Retry-After', { retryAfterUntil: T0 + DAY + 1 }, false],
    ['after Retry-After', { retryAfterUntil: T0 + DAY }, true],
  ])('%s → due: %s', async (_label, patch, due) => {
    const sub = await subscribe(db());
    await updateSubscription(db(), sub.id, patch);
    const result = await dueSubscriptions(db(), T0 + DAY);
    expect(result.map((s) => s.id)).toEqual(due ? [sub.id] : []);
  });

  it('returns the most overdue first', async () => {
    const late = await subscribe(db(), 'https://late.test/feed');
    const early = await subscribe(db(), 'https://early.test/feed');
    await updateSubscription(db(), late.id, { nextCheckAt: T0 + 50 });
    await updateSubscription(db(), early.id, { nextCheckAt: T0 + 10 });
    expect((await dueSubscriptions(db(), T0 + 100)).map((s) => s.id)).toEqual([early.id, late.id]);
  });
});
