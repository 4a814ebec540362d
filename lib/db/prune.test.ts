import { describe, expect, it } from 'vitest';
import { pruneReadPosts } from './prune';
import { setRead } from './read-state';
import { DAY, T0, item, subscribe, useTestDatabase } from './test-support';
import { upsertPosts } from './upsert-posts';

const db = useTestDatabase();

describe('pruneReadPosts', () => {
  it('deletes only read, unsaved posts read before the cutoff', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, ['old', 'recent', 'unread', 'saved', 'edge'].map((g) => item(g)), T0);
    const id = (guid: string) => added.find((p) => p.guid === guid)?.id ?? -1;
    await setRead(db(), [id('old'), id('saved')], true, T0);
    await setRead(db(), [id('recent')], true, T0 + 50 * DAY);
    await setRead(db(), [id('edge')], true, T0 + 10 * DAY); // exactly at the cutoff: kept
    await db().posts.update(id('saved'), { saved: 1 });

    expect(await pruneReadPosts(db(), 90, T0 + 100 * DAY)).toBe(1);
    expect((await db().posts.toArray()).map((p) => p.guid).sort()).toEqual(['edge', 'recent', 'saved', 'unread']);
    expect(await db().prunedPosts.toArray()).toEqual([
      { subscriptionId: sub.id, guid: 'old', normalizedUrl: 'blog.test/old', prunedAt: T0 + 100 * DAY, seenAt: T0 + 100 * DAY },
    ]);
    expect(await pruneReadPosts(db(), 90, T0 + 100 * DAY)).toBe(0);
  });

  it('never deletes unread posts, however old', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('ancient', { published: 0 })], 0);
    expect(await pruneReadPosts(db(), 1, T0 + 1000 * DAY)).toBe(0);
    expect(await db().posts.count()).toBe(1);
  });

  it('keeps a marker while the feed still lists the post and drops it a retention period after', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('a')], T0);
    await setRead(db(), [added[0]?.id ?? -1], true, T0);
    await pruneReadPosts(db(), 30, T0 + 31 * DAY);

    // The feed still lists it 40 days later: not re-added, marker refreshed.
    expect((await upsertPosts(db(), sub.id, [item('a')], T0 + 71 * DAY)).added).toEqual([]);
    expect((await db().prunedPosts.get([sub.id, 'a']))?.seenAt).toBe(T0 + 71 * DAY);
    await pruneReadPosts(db(), 30, T0 + 80 * DAY);
    expect(await db().prunedPosts.count()).toBe(1);

    // The feed stopped listing it: a retention period later the marker goes.
    await pruneReadPosts(db(), 30, T0 + 102 * DAY);
    expect(await db().prunedPosts.count()).toBe(0);
  });
});
