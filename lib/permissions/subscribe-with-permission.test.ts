import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, removeAllListeners } from '../messaging/protocol';
import { permissionDeclined, subscribeWithPermission } from './subscribe-with-permission';

describe('subscribeWithPermission', () => {
  afterEach(() => removeAllListeners());

  function answerPermission(granted: boolean) {
    const request = vi.fn(async () => granted);
    Object.assign(fakeBrowser.permissions, { request });
    return request;
  }

  it('asks for the feed’s and the page’s sites together, then subscribes', async () => {
    const request = answerPermission(true);
    const subscribe = vi.fn(() => ({ kind: 'subscribed' as const, subscriptionId: 1, title: 'Blog', postCount: 12 }));
    onMessage('subscribe', subscribe);
    const result = await subscribeWithPermission([{ url: 'https://feeds.blog.test/rss.xml', type: 'rss' }], 'https://www.blog.test/post');
    expect(request).toHaveBeenCalledWith({ origins: ['https://feeds.blog.test/*', 'https://www.blog.test/*'] });
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ kind: 'done', ok: true, message: 'Subscribed to Blog (12 posts).' });
  });

  it('creates nothing and says why when the user declines', async () => {
    answerPermission(false);
    const subscribe = vi.fn(() => ({ kind: 'subscribed' as const, subscriptionId: 1, title: 'Blog', postCount: 1 }));
    onMessage('subscribe', subscribe);
    const result = await subscribeWithPermission([{ url: 'https://blog.test/rss.xml', type: 'rss' }]);
    expect(result).toEqual({ kind: 'done', ok: false, message: permissionDeclined() });
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('lets the user choose first when a site offers several feeds, asking nothing yet', async () => {
    const request = answerPermission(true);
    const feeds = [
      { url: 'https://blog.test/all.xml', type: 'rss' as const },
      { url: 'https://blog.test/python.xml', type: 'rss' as const },
    ];
    expect(await subscribeWithPermission(feeds)).toEqual({ kind: 'choose', feeds });
    expect(request).not.toHaveBeenCalled();
  });

  it('reports an existing subscription instead of a duplicate', async () => {
    answerPermission(true);
    onMessage('subscribe', () => ({ kind: 'exists' as const, subscriptionId: 3, title: 'Blog' }));
    expect(await subscribeWithPermission([{ url: 'https://blog.test/rss.xml', type: 'rss' }])).toEqual({ kind: 'done', ok: true, message: 'You are already subscribed to Blog.' });
  });

  // The subscribe form's messages, for what a reader types.
  it.each<[string, boolean, { kind: string; subscriptionId: number; title: string; postCount?: number } | undefined, string, string[] | undefined]>([
    ['example.com/blog', true, { kind: 'subscribed', subscriptionId: 1, title: 'Blog', postCount: 1 }, 'Subscribed to Blog (1 post).', ['https://example.com/*']],
    ['https://example.com/feed.xml', true, { kind: 'subscribed', subscriptionId: 1, title: 'Blog', postCount: 12 }, 'Subscribed to Blog (12 posts).', ['https://example.com/*']],
    ['example.com', true, { kind: 'exists', subscriptionId: 3, title: 'Blog' }, 'You are already subscribed to Blog.', ['https://example.com/*']],
    ['example.com/blog', false, undefined, 'Partwise needs access to the site to read its feed. Nothing was subscribed; try again and choose “Allow”.', ['https://example.com/*']],
    ['ftp://files.example.com/feed', true, undefined, 'Partwise can follow only http and https addresses.', undefined],
    ['javascript:alert(1)', true, undefined, 'Partwise can follow only http and https addresses.', undefined],
    ['my blog', true, undefined, '“my blog” is not a web address.', undefined],
  ])('“%s” (access granted: %s) says the right thing', async (typed, granted, reply, message, origins) => {
    const request = answerPermission(granted);
    const subscribe = vi.fn(() => reply as never);
    onMessage('subscribe', subscribe);
    const result = await subscribeWithPermission([{ url: typed, type: 'unknown' }]);
    expect(result).toMatchObject({ kind: 'done', message });
    if (origins) expect(request).toHaveBeenCalledWith({ origins });
    else expect(request).not.toHaveBeenCalled();
    expect(subscribe).toHaveBeenCalledTimes(reply && granted ? 1 : 0);
  });
});
