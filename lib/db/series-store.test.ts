import { describe, expect, it } from 'vitest';
import { isDbError } from './db-error';
import { getSeriesOverrides, listSeries, setSeriesOverrides, storeSeriesAssignments } from './series-store';
import { T0, item, subscribe, useTestDatabase } from './test-support';
import { subscriptionPosts } from './post-lookups';
import { upsertPosts } from './upsert-posts';

const db = useTestDatabase();

async function seriesOfPosts(subscriptionId: number) {
  const posts = await subscriptionPosts(db(), subscriptionId).sortBy('guid');
  return posts.map((p) => [p.guid, p.seriesKey ?? null, p.part ?? null]);
}

async function seeded(guids = ['a', 'b', 'c']) {
  const sub = await subscribe(db());
  await upsertPosts(db(), sub.id, guids.map((g) => item(g)), T0);
  return sub.id;
}

describe('storeSeriesAssignments', () => {
  it('writes series and parts onto posts and creates named series rows', async () => {
    const sid = await seeded();
    const result = await storeSeriesAssignments(db(), sid, [
      { guid: 'a', seriesKey: 'btree', seriesName: 'B-trees', part: 1 },
      { guid: 'b', seriesKey: 'btree', seriesName: null, part: 2 },
      { guid: 'c', seriesKey: null, seriesName: null, part: null },
      { guid: 'unknown', seriesKey: 'ghost', seriesName: 'Ghost', part: 1 },
    ]);
    expect(result).toEqual({ postsChanged: 2, seriesAdded: 1, seriesRemoved: 0 });
    expect(await seriesOfPosts(sid)).toEqual([
      ['a', 'btree', 1],
      ['b', 'btree', 2],
      ['c', null, null],
    ]);
    expect(await listSeries(db(), sid)).toEqual([
      { id: expect.any(Number), subscriptionId: sid, key: 'btree', name: 'B-trees', overrides: [] },
    ]);
  });

  it('writes nothing when assignments are unchanged', async () => {
    const sid = await seeded();
    const assignments = [{ guid: 'a', seriesKey: 'k', seriesName: 'K', part: 1 }];
    await storeSeriesAssignments(db(), sid, assignments);
    expect(await storeSeriesAssignments(db(), sid, assignments)).toEqual({
      postsChanged: 0,
      seriesAdded: 0,
      seriesRemoved: 0,
    });
  });

  it('renames a series, names a new series after its key when unnamed, and moves posts', async () => {
    const sid = await seeded();
    await storeSeriesAssignments(db(), sid, [{ guid: 'a', seriesKey: 'k', seriesName: 'Old', part: 1 }]);
    await storeSeriesAssignments(db(), sid, [
      { guid: 'a', seriesKey: 'k', seriesName: 'New', part: 1 },
      { guid: 'b', seriesKey: 'other', seriesName: null, part: null },
    ]);
    expect((await listSeries(db(), sid)).map((s) => [s.key, s.name])).toEqual([
      ['k', 'New'],
      ['other', 'other'],
    ]);
    expect(await seriesOfPosts(sid)).toEqual([
      ['a', 'k', 1],
      ['b', 'other', null],
      ['c', null, null],
    ]);
  });

  it('removes series no post uses, unless they carry overrides', async () => {
    const sid = await seeded();
    await storeSeriesAssignments(db(), sid, [
      { guid: 'a', seriesKey: 'plain', seriesName: 'Plain', part: 1 },
      { guid: 'b', seriesKey: 'pinned', seriesName: 'Pinned', part: 1 },
    ]);
    await setSeriesOverrides(db(), sid, 'pinned', [{ kind: 'rename', name: 'Mine' }]);
    const result = await storeSeriesAssignments(db(), sid, [
      { guid: 'a', seriesKey: null, seriesName: null, part: null },
      { guid: 'b', seriesKey: null, seriesName: null, part: null },
    ]);
    expect(result).toEqual({ postsChanged: 2, seriesAdded: 0, seriesRemoved: 1 });
    expect((await listSeries(db(), sid)).map((s) => s.key)).toEqual(['pinned']);
  });
});

describe('series overrides', () => {
  it('stores, lists and clears overrides per subscription', async () => {
    const sid = await seeded();
    const other = (await subscribe(db(), 'https://other.test/feed')).id;
    await storeSeriesAssignments(db(), sid, [{ guid: 'a', seriesKey: 'used', seriesName: 'Used', part: 1 }]);
    const overrides = [{ kind: 'exclude', guid: 'a' }, { kind: 'order', parts: [2, 1] }];

    await setSeriesOverrides(db(), sid, 'used', overrides);
    await setSeriesOverrides(db(), sid, 'manual', [{ kind: 'create' }]);
    expect(await getSeriesOverrides(db(), sid)).toEqual([
      { key: 'manual', overrides: [{ kind: 'create' }] },
      { key: 'used', overrides },
    ]);
    expect(await getSeriesOverrides(db(), other)).toEqual([]);
    expect((await listSeries(db(), sid)).find((s) => s.key === 'manual')?.name).toBe('manual');

    // Clearing keeps a series posts still use but drops an unused one.
    await setSeriesOverrides(db(), sid, 'used', []);
    await setSeriesOverrides(db(), sid, 'manual', []);
    expect(await getSeriesOverrides(db(), sid)).toEqual([]);
    expect((await listSeries(db(), sid)).map((s) => s.key)).toEqual(['used']);
  });

  it('rejects overrides for an unknown subscription', async () => {
    await expect(setSeriesOverrides(db(), 999, 'k', [])).rejects.toSatisfy((e: unknown) => isDbError(e, 'not-found'));
  });
});
