import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { pruneReadPosts } from './prune';
import { setRead } from './read-state';
import { refreshTables } from './schema';
import { storeSeriesAssignments } from './series-store';
import { DAY, T0, item, subscribe, useTestDatabase } from './test-support';
import { subscriptionPosts } from './post-lookups';
import { upsertPosts } from './upsert-posts';

const db = useTestDatabase();

async function postsOf(subscriptionId: number) {
  return subscriptionPosts(db(), subscriptionId).sortBy('id');
}

describe('upsertPosts', () => {
  it('adds new posts as unread and returns them with ids', async () => {
    const sub = await subscribe(db());
    const result = await upsertPosts(
      db(),
      sub.id,
      [item('a', { published: T0 - DAY, summary: 'S', authors: ['Ann'], categories: ['x'] }), item('b')],
      T0,
    );
    expect(result.updated).toBe(0);
    expect(result.unchanged).toBe(0);
    expect(result.added).toEqual([
      {
        id: expect.any(Number),
        subscriptionId: sub.id,
        guid: 'a',
        url: 'https://blog.test/a',
        normalizedUrl: 'blog.test/a',
        title: 'Post a',
        summary: 'S',
        authors: ['Ann'],
        categories: ['x'],
        published: T0 - DAY,
        firstSeenAt: T0,
        sortAt: T0 - DAY,
        unread: 1,
      },
      expect.objectContaining({ guid: 'b', sortAt: T0, firstSeenAt: T0, unread: 1 }),
    ]);
    expect(await postsOf(sub.id)).toEqual(result.added);
  });

  it('reports an identical batch as unchanged without writing', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('a'), item('b')], T0);
    const before = await postsOf(sub.id);
    expect(await upsertPosts(db(), sub.id, [item('a'), item('b')], T0 + DAY)).toEqual({
      added: [],
      updated: 0,
      unchanged: 2,
      changed: [],
    });
    expect(await postsOf(sub.id)).toEqual(before);
  });

  it('updates content but keeps read state, series, part, saved and firstSeenAt', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('a', { summary: 'old', published: T0 })], T0);
    const id = added[0]?.id ?? -1;
    await setRead(db(), [id], true, T0 + 1);
    await storeSeriesAssignments(db(), sub.id, [{ guid: 'a', seriesKey: 's', seriesName: 'S', part: 3 }]);
    await db().posts.update(id, { saved: 1 });

    const result = await upsertPosts(
      db(),
      sub.id,
      [item('a', { title: 'New title', published: T0 + 5, authors: ['Ann'] })],
      T0 + DAY,
    );
    expect(result).toMatchObject({ added: [], updated: 1, unchanged: 0 });
    expect(result.changed).toHaveLength(1);
    expect(await db().posts.get(id)).toEqual({
      id,
      subscriptionId: sub.id,
      guid: 'a',
      url: 'https://blog.test/a',
      normalizedUrl: 'blog.test/a',
      title: 'New title',
      authors: ['Ann'],
      categories: [],
      published: T0 + 5,
      firstSeenAt: T0,
      sortAt: T0 + 5,
      readAt: T0 + 1,
      unread: 0,
      seriesKey: 's',
      part: 3,
      saved: 1,
    });
  });

  it('treats a changed guid with the same normalized URL as the same post', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('old-id', { normalizedUrl: 'blog.test/post' })], T0);
    await setRead(db(), [added[0]?.id ?? -1], true, T0);
    const result = await upsertPosts(db(), sub.id, [item('new-id', { normalizedUrl: 'blog.test/post' })], T0 + DAY);
    expect(result).toMatchObject({ added: [], updated: 1, unchanged: 0 });
    expect(result.changed).toHaveLength(1);
    const posts = await postsOf(sub.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: added[0]?.id, guid: 'new-id', unread: 0 });
    // The renamed post is now found by its new guid.
    expect(await upsertPosts(db(), sub.id, [item('new-id', { normalizedUrl: 'blog.test/post' })], T0 + DAY)).toEqual({
      added: [],
      updated: 0,
      unchanged: 1,
      changed: [],
    });
  });

  it('prefers a guid match over a URL match when both claim the same stored post', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('p', { normalizedUrl: 'blog.test/u' })], T0);
    const result = await upsertPosts(
      db(),
      sub.id,
      [item('q', { normalizedUrl: 'blog.test/u' }), item('p', { normalizedUrl: 'blog.test/v' })],
      T0 + 1,
    );
    expect(result.updated).toBe(1);
    expect(result.added.map((p) => p.guid)).toEqual(['q']);
    expect((await postsOf(sub.id)).map((p) => [p.guid, p.normalizedUrl])).toEqual([
      ['p', 'blog.test/v'],
      ['q', 'blog.test/u'],
    ]);
  });

  it.each([
    ['the same guid twice', [item('a'), item('a', { title: 'later copy' }), item('b')], ['a', 'b'], 'Post a'],
    [
      'two guids with one normalized URL',
      [item('a', { normalizedUrl: 'blog.test/same' }), item('b', { normalizedUrl: 'blog.test/same' })],
      ['a'],
      'Post a',
    ],
  ])('counts %s in one batch once', async (_label, batch, guids, firstTitle) => {
    const sub = await subscribe(db());
    const result = await upsertPosts(db(), sub.id, batch, T0);
    expect(result.added.map((p) => p.guid)).toEqual(guids);
    expect(result.updated + result.unchanged).toBe(0);
    expect((await postsOf(sub.id))[0]?.title).toBe(firstTitle);
  });

  it('ignores a non-finite published time so the post stays on the unread index', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('nan', { published: Number.NaN })], T0);
    expect(added[0]).toMatchObject({ sortAt: T0 });
    expect(added[0]).not.toHaveProperty('published');
    expect(await db().posts.where('[unread+sortAt]').equals([1, T0]).count()).toBe(1);
  });

  it('keeps posts that dropped out of the feed', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('a'), item('b'), item('c')], T0);
    const result = await upsertPosts(db(), sub.id, [item('c'), item('d')], T0 + DAY);
    expect(result.added.map((p) => p.guid)).toEqual(['d']);
    expect((await postsOf(sub.id)).map((p) => p.guid)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps subscriptions apart: the same guid in two feeds is two posts', async () => {
    const a = await subscribe(db(), 'https://a.test/feed');
    const b = await subscribe(db(), 'https://b.test/feed');
    await upsertPosts(db(), a.id, [item('x')], T0);
    const result = await upsertPosts(db(), b.id, [item('x')], T0);
    expect(result.added).toHaveLength(1);
    expect(await db().posts.count()).toBe(2);
  });

  it('does not bring back a pruned post the feed still lists (by guid or by URL)', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('a'), item('b'), item('c')], T0);
    await setRead(db(), added.slice(0, 2).map((p) => p.id), true, T0);
    expect(await pruneReadPosts(db(), 90, T0 + 100 * DAY)).toBe(2);

    const result = await upsertPosts(
      db(),
      sub.id,
      [item('a'), item('b-renamed', { normalizedUrl: 'blog.test/b' }), item('c'), item('d')],
      T0 + 100 * DAY,
    );
    expect(result).toEqual({ added: [expect.objectContaining({ guid: "d" })], updated: 0, unchanged: 3, changed: [] });
    expect(await db().posts.count()).toBe(2);
  });

  it('nests inside an outer refresh transaction and rolls back with it', async () => {
    const sub = await subscribe(db());
    const failing = db().transaction('rw', refreshTables(db()), async () => {
      await upsertPosts(db(), sub.id, [item('a')], T0);
      await db().subscriptions.update(sub.id, { status: 'ok' });
      throw new Error('worker stopped');
    });
    await expect(failing).rejects.toThrow('worker stopped');
    expect(await db().posts.count()).toBe(0);
    expect((await db().subscriptions.get(sub.id))?.status).toBe('new');

    await db().transaction('rw', refreshTables(db()), async () => {
      const result = await upsertPosts(db(), sub.id, [item('a')], T0);
      await storeSeriesAssignments(db(), sub.id, [{ guid: 'a', seriesKey: 's', seriesName: null, part: 1 }]);
      expect(result.added).toHaveLength(1);
    });
    expect((await postsOf(sub.id))[0]).toMatchObject({ guid: 'a', seriesKey: 's', part: 1 });
  });

  it('costs a handful of storage calls for a 100-item feed, not one per item', async () => {
    let calls = 0;
    db().use({
      stack: 'dbcore',
      name: 'call-counter',
      create(down: DBCore): DBCore {
        return {
          ...down,
          table(name: string): DBCoreTable {
            const table = down.table(name);
            const counted =
              <A extends unknown[], R>(fn: (...args: A) => R) =>
              (...args: A): R => {
                calls += 1;
                return fn(...args);
              };
            return {
              ...table,
              get: counted(table.get.bind(table)),
              getMany: counted(table.getMany.bind(table)),
              query: counted(table.query.bind(table)),
              openCursor: counted(table.openCursor.bind(table)),
              count: counted(table.count.bind(table)),
              mutate: counted(table.mutate.bind(table)),
            };
          },
        };
      },
    });
    const sub = await subscribe(db());
    const feed = Array.from({ length: 100 }, (_, i) => item(`p${i}`));
    await upsertPosts(db(), sub.id, feed.slice(0, 60), T0);

    calls = 0;
    const changed = feed.map((p, i) => (i % 10 === 0 ? { ...p, title: 'edited' } : p));
    const result = await upsertPosts(db(), sub.id, changed, T0 + DAY);
    expect(result).toMatchObject({ updated: 6, unchanged: 54 });
    expect(result.added).toHaveLength(40);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(7);
  });
});
