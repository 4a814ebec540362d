import { describe, expect, it } from 'vitest';
import { countsBySubscription, unreadPage } from './queries';
import { unreadCount } from './read-state';
import { T0, useTestDatabase } from './test-support';
import type { Post } from './types';

const db = useTestDatabase();

const SUBSCRIPTIONS = 100;
const POSTS = 5_000;
const UNREAD = 250;
// A result check, not a speed check: fake-indexeddb on a loaded CI machine may take long, so the
// test gets room far beyond the default rather than a budget it could miss.
const ROOM_MS = 180_000;

/** Deterministic pseudo-random generator so the data set is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('scale sanity (no timing assertions)', () => {
  it('pages the newest unread posts and counts unread among 5,000 posts', { timeout: ROOM_MS }, async () => {
    const random = lcg(42);
    const subscriptions = Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({
      feedUrl: `https://s${i}.test/feed`,
      title: `S${i}`,
      tags: [],
      nextCheckAt: T0,
      status: 'ok' as const,
      errorStreak: 0,
      notify: true,
      markOnVisit: true,
      createdAt: T0,
    }));
    const subscriptionIds = await db().subscriptions.bulkAdd(subscriptions, { allKeys: true });
    // Every 20th post is unread; sortAt is random so index order differs from insertion order.
    const posts: Omit<Post, 'id'>[] = Array.from({ length: POSTS }, (_, i) => {
      const sortAt = T0 - Math.floor(random() * 365 * 86_400_000);
      const unread = i % (POSTS / UNREAD) === 0;
      const post: Omit<Post, 'id'> = {
        subscriptionId: subscriptionIds[i % SUBSCRIPTIONS] ?? -1,
        guid: `g${i}`,
        url: `https://x.test/${i}`,
        normalizedUrl: `x.test/${i}`,
        title: `Post ${i}`,
        authors: [],
        categories: [],
        firstSeenAt: sortAt,
        sortAt,
        unread: unread ? 1 : 0,
      };
      if (!unread) post.readAt = T0;
      if (i % 7 === 0) post.seriesKey = `series-${i % 13}`;
      return post;
    });
    const ids = await db().posts.bulkAdd(posts, { allKeys: true });

    const expected = posts
      .map((post, i) => ({ ...post, id: ids[i] ?? -1 }))
      .filter((post) => post.unread === 1)
      .sort((a, b) => b.sortAt - a.sortAt || b.id - a.id);

    expect(await unreadCount(db())).toBe(UNREAD);
    const first = await unreadPage(db(), { limit: 50 });
    expect(first.map((p) => p.id)).toEqual(expected.slice(0, 50).map((p) => p.id));
    const last = first[first.length - 1];
    expect(last).toBeDefined();
    const second = await unreadPage(db(), { limit: 50, before: last ?? { sortAt: 0, id: 0 } });
    expect(second.map((p) => p.id)).toEqual(expected.slice(50, 100).map((p) => p.id));

    const counts = await countsBySubscription(db());
    expect(counts.size).toBe(SUBSCRIPTIONS);
    expect([...counts.values()].reduce((sum, c) => sum + c.unread, 0)).toBe(UNREAD);
    expect([...counts.values()].reduce((sum, c) => sum + c.total, 0)).toBe(POSTS);
  });
});
