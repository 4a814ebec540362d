import { describe, expect, it } from 'vitest';
import { newPostsNotification, postIdFromNotification, seriesLabel, type NewPost } from './notify';

const post = (id: number, title: string, sortAt: number, part?: number) => ({ id, title, sortAt, part });

describe('newPostsNotification', () => {
  it.each<[string, NewPost[], { id: string; title: string; message: string } | undefined]>([
    ['nothing new', [], undefined],
    [
      'a standalone post',
      [{ post: post(4, 'DNS Deep Dive (2026)', 10) }],
      { id: 'partwise:post:4', title: 'DNS Deep Dive (2026)', message: 'Daily Backend' },
    ],
    [
      'a part of a series',
      [{ post: post(9, 'Modern Python in Practice #3: Connecting a DB', 10, 3), seriesName: 'Modern Python in Practice' }],
      { id: 'partwise:post:9', title: 'Modern Python in Practice #3: Connecting a DB', message: 'Modern Python in Practice · Part 3 — Daily Backend' },
    ],
    [
      'a batch opens the earliest post',
      [{ post: post(12, 'Later', 30) }, { post: post(11, 'Earlier', 20) }, { post: post(13, 'Latest', 40) }],
      { id: 'partwise:post:11', title: '3 new posts in Daily Backend', message: 'Earlier' },
    ],
  ])('%s', (_name, batch, expected) => {
    expect(newPostsNotification('Daily Backend', batch)).toEqual(expected);
  });
});

describe('seriesLabel', () => {
  it.each<[string | undefined, number | undefined, string | undefined]>([
    [undefined, 3, undefined],
    ['ASGI', undefined, 'ASGI'],
    ['ASGI', 2, 'ASGI · Part 2'],
  ])('%s part %s', (name, part, expected) => {
    expect(seriesLabel(name, part)).toBe(expected);
  });
});

describe('postIdFromNotification', () => {
  it.each<[string, number | undefined]>([
    ['partwise:post:42', 42],
    ['partwise:post:0', undefined],
    ['partwise:post:abc', undefined],
    ['other-extension:1', undefined],
  ])('%s', (id, expected) => {
    expect(postIdFromNotification(id)).toBe(expected);
  });
});
