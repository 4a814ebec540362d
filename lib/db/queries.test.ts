import { describe, expect, it } from 'vitest';
import { countsBySubscription, postsOfSeries, searchPosts, seriesProgress, unreadPage } from './queries';
import { setRead } from './read-state';
import { storeSeriesAssignments } from './series-store';
import { deleteSubscription } from './subscriptions';
import { T0, item, subscribe, useTestDatabase } from './test-support';
import { upsertPosts } from './upsert-posts';
import type { Post } from './types';

const db = useTestDatabase();

describe('unreadPage', () => {
  it('pages unread posts newest first, breaking sortAt ties by id, without gaps or repeats', async () => {
    const sub = await subscribe(db());
    // Five posts share one timestamp so ties straddle page boundaries.
    const published = [5, 3, 3, 3, 3, 3, 1, 9, 7, 2];
    const { added } = await upsertPosts(
      db(),
      sub.id,
      published.map((p, i) => item(`p${i}`, { published: T0 + p })),
      T0,
    );
    await setRead(db(), [added[7]?.id ?? -1], true, T0); // the newest one is read

    const expected = added
      .filter((p) => p.guid !== 'p7')
      .sort((a, b) => b.sortAt - a.sortAt || b.id - a.id)
      .map((p) => p.guid);
    const seen: string[] = [];
    let before: Post | undefined;
    for (;;) {
      const page: Post[] = await unreadPage(db(), before ? { limit: 4, before } : { limit: 4 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(4);
      expect(page.every((p) => p.unread === 1)).toBe(true);
      seen.push(...page.map((p) => p.guid));
      before = page[page.length - 1];
    }
    expect(seen).toEqual(expected);
    expect(seen.slice(0, 2)).toEqual(['p8', 'p0']);
    expect(await unreadPage(db(), { limit: 0 })).toEqual([]);
  });
});

describe('series queries', () => {
  it('reports progress and lists a series in reading order', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(
      db(),
      sub.id,
      ['x', 'y', 'z', 'w', 'solo'].map((g, i) => item(g, { published: T0 + i })),
      T0,
    );
    await storeSeriesAssignments(db(), sub.id, [
      { guid: 'x', seriesKey: 's', seriesName: 'S', part: 2 },
      { guid: 'y', seriesKey: 's', seriesName: 'S', part: 1 },
      { guid: 'z', seriesKey: 's', seriesName: 'S', part: null },
      { guid: 'w', seriesKey: 's', seriesName: 'S', part: 3 },
    ]);
    await setRead(db(), [added[0]?.id ?? -1, added[4]?.id ?? -1], true, T0);

    expect(await seriesProgress(db(), sub.id, 's')).toEqual({ total: 4, read: 1 });
    expect(await seriesProgress(db(), sub.id, 'missing')).toEqual({ total: 0, read: 0 });
    expect((await postsOfSeries(db(), sub.id, 's')).map((p) => p.guid)).toEqual(['y', 'x', 'w', 'z']);
  });
});

describe('searchPosts', () => {
  async function seed() {
    const sub = await subscribe(db());
    const titles = ['Rust async', 'Intro to RUST', 'Go generics', 'rustic furniture', 'Python'];
    const { added } = await upsertPosts(
      db(),
      sub.id,
      titles.map((title, i) => item(`g${i}`, { title, published: T0 + i })),
      T0,
    );
    await setRead(db(), [added[3]?.id ?? -1], true, T0); // 'rustic furniture' is read
  }

  it.each([
    ['unread only', 'rust', { includeRead: false, limit: 10 }, ['Intro to RUST', 'Rust async']],
    ['read included after unread', '  RUST ', { includeRead: true, limit: 10 }, ['Intro to RUST', 'Rust async', 'rustic furniture']],
    ['bounded by limit', 'rust', { includeRead: true, limit: 1 }, ['Intro to RUST']],
    ['limit reached by unread skips read', 'rust', { includeRead: true, limit: 2 }, ['Intro to RUST', 'Rust async']],
    ['blank query', '   ', { includeRead: true, limit: 10 }, []],
    ['no match', 'haskell', { includeRead: true, limit: 10 }, []],
  ])('%s', async (_label, query, options, titles) => {
    await seed();
    expect((await searchPosts(db(), query, options)).map((p) => p.title)).toEqual(titles);
  });
});

describe('countsBySubscription', () => {
  it('counts unread and total posts per subscription, including archived ones', async () => {
    const a = await subscribe(db(), 'https://a.test/feed');
    const b = await subscribe(db(), 'https://b.test/feed');
    const c = await subscribe(db(), 'https://c.test/feed');
    const { added } = await upsertPosts(db(), a.id, [item('1'), item('2'), item('3')], T0);
    await upsertPosts(db(), b.id, [item('1')], T0);
    await setRead(db(), [added[0]?.id ?? -1], true, T0);
    await deleteSubscription(db(), b.id, { keepPosts: true }, T0);

    expect(await countsBySubscription(db())).toEqual(
      new Map([
        [a.id, { unread: 2, total: 3 }],
        [b.id, { unread: 1, total: 1 }],
        [c.id, { unread: 0, total: 0 }],
      ]),
    );
  });
});
