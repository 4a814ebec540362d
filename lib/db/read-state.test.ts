import { describe, expect, it } from 'vitest';
import { findPostsByNormalizedUrl, markGroupRead, setRead, unreadCount } from './read-state';
import { storeSeriesAssignments } from './series-store';
import { T0, item, subscribe, useTestDatabase } from './test-support';
import { subscriptionPosts } from './post-lookups';
import { upsertPosts } from './upsert-posts';
import type { Post } from './types';

const db = useTestDatabase();

async function seeded() {
  const sub = await subscribe(db());
  const { added } = await upsertPosts(db(), sub.id, ['a', 'b', 'c', 'd'].map((g) => item(g)), T0);
  const ids = Object.fromEntries(added.map((p) => [p.guid, p.id])) as Record<string, number>;
  return { sid: sub.id, ids };
}

describe('setRead', () => {
  it('marks read and unread, counting only real changes', async () => {
    const { ids } = await seeded();
    const a = ids['a'] ?? -1;
    const b = ids['b'] ?? -1;
    expect(await setRead(db(), [a, b, a, 999], true, T0 + 5)).toBe(2);
    expect(await setRead(db(), [a], true, T0 + 9)).toBe(0);
    expect(await db().posts.get(a)).toMatchObject({ unread: 0, readAt: T0 + 5 });
    expect(await unreadCount(db())).toBe(2);

    expect(await setRead(db(), [a, ids['c'] ?? -1], false, T0 + 10)).toBe(1);
    const unread = (await db().posts.get(a)) as Post;
    expect(unread.unread).toBe(1);
    expect(unread).not.toHaveProperty('readAt');
    expect(await unreadCount(db())).toBe(3);
    expect(await setRead(db(), [], true, T0)).toBe(0);
  });
});

describe('markGroupRead', () => {
  it.each([
    ['a series', 's1', ['c', 'd']],
    ['standalone posts (null)', null, ['a', 'b']],
    ['standalone posts (absent)', undefined, ['a', 'b']],
  ] as const)('marks %s read and nothing else', async (_label, seriesKey, expectedUnread) => {
    const { sid } = await seeded();
    const other = await subscribe(db(), 'https://other.test/feed');
    await upsertPosts(db(), other.id, [item('a')], T0);
    await storeSeriesAssignments(db(), sid, [
      { guid: 'a', seriesKey: 's1', seriesName: 'S1', part: 1 },
      { guid: 'b', seriesKey: 's1', seriesName: 'S1', part: 2 },
    ]);
    const group = seriesKey === undefined ? { subscriptionId: sid } : { subscriptionId: sid, seriesKey };
    expect(await markGroupRead(db(), group, T0 + 1)).toHaveLength(2);
    const unread = await db().posts.where('[subscriptionId+unread]').equals([sid, 1]).toArray();
    expect(unread.map((p) => p.guid).sort()).toEqual([...expectedUnread]);
    expect(await subscriptionPosts(db(), other.id).first()).toMatchObject({ unread: 1 });
    expect(await markGroupRead(db(), group, T0 + 2)).toEqual([]);
  });
});

describe('findPostsByNormalizedUrl', () => {
  it('finds posts across subscriptions by normalized URL', async () => {
    const { sid } = await seeded();
    const other = await subscribe(db(), 'https://other.test/feed');
    await upsertPosts(db(), other.id, [item('z', { normalizedUrl: 'blog.test/a' })], T0);
    const found = await findPostsByNormalizedUrl(db(), ['blog.test/a', 'blog.test/c', 'nowhere']);
    expect(found.map((p) => [p.subscriptionId, p.guid]).sort()).toEqual(
      [
        [sid, 'a'],
        [sid, 'c'],
        [other.id, 'z'],
      ].sort(),
    );
    expect(await findPostsByNormalizedUrl(db(), [])).toEqual([]);
  });
});
