import { describe, expect, it } from 'vitest';
import { firstScreen } from './first-screen';
import type { ReadingGroup, ReadingPost } from './types';

function group(key: string, posts: number): ReadingGroup {
  const post = (id: number): ReadingPost => ({ id, title: `${key} ${id}`, url: `https://blog.test/${key}/${id}`, sortAt: id, subscriptionId: 1, feedTitle: 'Blog', unread: true, isNext: false });
  return { key, kind: 'feed', name: key, subscriptionId: 1, feedTitle: 'Blog', newestUnreadAt: 0, posts: Array.from({ length: posts }, (_, i) => post(i + 1)) };
}

describe('firstScreen', () => {
  it.each([
    { case: 'no groups', sizes: [], limit: 20, kept: 0 },
    { case: 'fewer posts than a screen: every group', sizes: [3, 4, 5], limit: 20, kept: 3 },
    { case: 'stops at the group that fills the screen', sizes: [8, 8, 8, 8], limit: 20, kept: 3 },
    { case: 'exactly a screen: no group beyond it', sizes: [10, 10, 1], limit: 20, kept: 2 },
    { case: 'one long series fills it alone', sizes: [60, 2], limit: 20, kept: 1 },
    { case: 'many small groups', sizes: Array.from({ length: 60 }, () => 1), limit: 20, kept: 20 },
  ])('$case', ({ sizes, limit, kept }) => {
    const groups = sizes.map((size, i) => group(`g${i}`, size));
    const shown = firstScreen(groups, limit);
    expect(shown).toEqual(groups.slice(0, kept));
  });
});
