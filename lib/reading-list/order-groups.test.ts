import { describe, expect, it } from 'vitest';
import { storeSeriesAssignments } from '../db/series-store';
import { setRead, upsertPosts } from '../db';
import { item, subscribe, T0, useTestDatabase } from '../db/test-support';
import { loadReadingList } from './load-reading-list';
import { groupTier, orderGroups } from './order-groups';
import type { ReadingGroup } from './types';

function group(name: string, patch: Partial<ReadingGroup>): ReadingGroup {
  return { key: name, kind: 'series', name, subscriptionId: 1, feedTitle: 'Blog', posts: [], newestUnreadAt: 0, ...patch };
}

describe('groupTier', () => {
  it.each<[string, Partial<ReadingGroup>, number]>([
    ['a series part-way read', { progress: { read: 2, total: 5 } }, 0],
    ['a series not started', { progress: { read: 0, total: 5 } }, 1],
    ['a finished series (shown with "Show read")', { progress: { read: 5, total: 5 } }, 2],
    ['a feed’s standalone posts', { kind: 'feed', progress: undefined }, 2],
  ])('%s → %d', (_case, patch, tier) => {
    expect(groupTier(group('g', patch))).toBe(tier);
  });
});

describe('orderGroups', () => {
  it('puts series in progress first (most recently read first), then new series, then the rest, newest first', () => {
    const groups = [
      group('Newest feed', { kind: 'feed', newestUnreadAt: 900 }),
      group('New series, older', { progress: { read: 0, total: 3 }, newestUnreadAt: 100 }),
      group('Read yesterday', { progress: { read: 1, total: 3 }, newestUnreadAt: 800, lastReadAt: 10 }),
      group('New series, newer', { progress: { read: 0, total: 3 }, newestUnreadAt: 200 }),
      group('Read today', { progress: { read: 2, total: 3 }, newestUnreadAt: 50, lastReadAt: 20 }),
      group('Older feed', { kind: 'feed', newestUnreadAt: 300 }),
    ];
    expect(orderGroups(groups).map((g) => g.name)).toEqual(['Read today', 'Read yesterday', 'New series, newer', 'New series, older', 'Newest feed', 'Older feed']);
  });
});

describe('loadReadingList and series in progress', () => {
  const db = useTestDatabase();

  it('brings a series in progress onto the first page even when its next part is older than the page', async () => {
    const sub = await subscribe(db());
    const parts = [1, 2, 3].map((n) => item(`s${n}`, { title: `Old Series – Part ${n}`, published: T0 + n }));
    const recent = Array.from({ length: 30 }, (_, i) => item(`n${i}`, { published: T0 + 1000 + i }));
    const { added } = await upsertPosts(db(), sub.id, [...parts, ...recent], T0);
    await storeSeriesAssignments(db(), sub.id, [1, 2, 3].map((n) => ({ guid: `s${n}`, seriesKey: 'old', seriesName: 'Old Series', part: n })));
    await setRead(db(), [added.find((p) => p.guid === 's1')!.id], true, T0 + 5000);

    const list = await loadReadingList(db(), { limit: 10, query: '', showRead: false });
    expect(list.groups[0]).toMatchObject({ kind: 'series', name: 'Old Series', progress: { read: 1, total: 3 } });
    expect(list.groups[0]!.posts.map((p) => p.title)).toEqual(['Old Series – Part 2', 'Old Series – Part 3']);
    expect(list.hasMore).toBe(true);
  });
});

describe('loadReadingList views', () => {
  const db = useTestDatabase();

  it('lists one feed, some feeds, or the starred posts', async () => {
    const { setStarred } = await import('../db');
    const first = await subscribe(db(), 'https://one.test/feed');
    const second = await subscribe(db(), 'https://two.test/feed');
    const { added } = await upsertPosts(db(), first.id, [item('a', { published: T0 + 1 }), item('b', { published: T0 + 2 })], T0);
    await upsertPosts(db(), second.id, [item('c', { published: T0 + 3 })], T0);
    await setRead(db(), [added[0]!.id], true, T0);
    await setStarred(db(), added[0]!.id, true);
    const titles = async (view: Parameters<typeof loadReadingList>[1]['view']) =>
      (await loadReadingList(db(), { limit: 10, query: '', showRead: false, view })).groups.flatMap((g) => g.posts.map((p) => p.title));
    expect(await titles({ kind: 'feeds', subscriptionIds: [first.id] })).toEqual(['Post b']);
    expect(await titles({ kind: 'feeds', subscriptionIds: [first.id, second.id] })).toEqual(['Post c', 'Post b']);
    expect(await titles({ kind: 'starred' })).toEqual(['Post a']);
    expect(await titles(undefined)).toEqual(['Post c', 'Post b']);
  });
});
