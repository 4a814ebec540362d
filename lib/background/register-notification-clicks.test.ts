import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addSubscription, database, upsertPosts } from '../db';
import { registerNotificationClicks } from './register-notification-clicks';

describe('a click on a new-post notification', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens the post in a tab and marks it read', async () => {
    const db = database();
    const sub = await addSubscription(db, { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, Date.now());
    const { added } = await upsertPosts(db, sub.id, [{ guid: 'p4', url: 'https://blog.test/part-4', title: 'Part 4', authors: [], categories: [] }], Date.now());
    const post = added[0]!;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerNotificationClicks();

    await fakeBrowser.notifications.onClicked.trigger(`partwise:post:${post.id}`);

    await vi.waitFor(async () => expect((await db.posts.get(post.id))?.unread).toBe(0));
    expect(create).toHaveBeenCalledWith({ url: 'https://blog.test/part-4', active: true });
  });

  it('ignores notifications that are not Partwise’s', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerNotificationClicks();
    await fakeBrowser.notifications.onClicked.trigger('another-extension:1');
    expect(create).not.toHaveBeenCalled();
  });
});
