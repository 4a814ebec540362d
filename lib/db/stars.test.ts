import { describe, expect, it } from 'vitest';
import { markAllRead, setRead, setStarred, starredPosts, upsertPosts } from '.';
import { pruneReadPosts } from './prune';
import { DAY, item, subscribe, T0, useTestDatabase } from './test-support';

describe('stars and "Mark all read"', () => {
  const db = useTestDatabase();

  it('lists starred posts newest first, read or not, and keeps them when read posts are pruned', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('a', { published: T0 }), item('b', { published: T0 + 1 }), item('c', { published: T0 + 2 })], T0);
    const [a, b] = added;
    await setStarred(db(), a!.id, true);
    await setStarred(db(), b!.id, true);
    await setStarred(db(), b!.id, false);
    await setStarred(db(), 9999, true);
    expect((await starredPosts(db(), 10)).map((p) => p.guid)).toEqual(['a']);
    await setRead(db(), added.map((p) => p.id), true, T0);
    expect(await pruneReadPosts(db(), 1, T0 + 10 * DAY)).toBe(2);
    expect((await starredPosts(db(), 10)).map((p) => p.guid)).toEqual(['a']);
  });

  it('pages the starred list from its index: newest first, the newer post first among equals, at most the limit', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('old', { published: T0 }), item('same', { published: T0 + 5 }), item('twin', { published: T0 + 5 }), item('plain', { published: T0 + 9 })], T0);
    for (const post of added.slice(0, 3)) await setStarred(db(), post.id, true);
    expect((await starredPosts(db(), 10)).map((p) => p.guid)).toEqual(['twin', 'same', 'old']);
    expect((await starredPosts(db(), 2)).map((p) => p.guid)).toEqual(['twin', 'same']);
  });

  it.each([
    ['every feed', undefined, 3],
    ['one feed', 'first', 2],
  ])('marks all read in %s and returns the ids for undo', async (_case, only, count) => {
    const first = await subscribe(db(), 'https://one.test/feed');
    const second = await subscribe(db(), 'https://two.test/feed');
    await upsertPosts(db(), first.id, [item('a'), item('b')], T0);
    await upsertPosts(db(), second.id, [item('c')], T0);
    const ids = await markAllRead(db(), T0, only ? [first.id] : undefined);
    expect(ids).toHaveLength(count);
    expect(await db().posts.where('[unread+sortAt]').between([1, -Infinity], [1, Infinity]).count()).toBe(3 - count);
    await setRead(db(), ids, false, T0);
    expect(await db().posts.filter((p) => p.unread === 1).count()).toBe(3);
  });
});
