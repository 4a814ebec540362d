import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addSubscription, database, listSubscriptions } from '../db';
import { removeAllListeners } from '../messaging/protocol';
import { registerMessageHandlers } from './register-message-handlers';
import { takeBackupText } from './backup-transfer';

const EXTENSION = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const WEB_PAGE = { id: fakeBrowser.runtime.id, url: 'https://evil.test/post', tab: { id: 7 }, frameId: 0 };
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

type Reply = { res?: unknown; err?: { message: string } };

/** Delivers one framed protocol message to the background's listeners as `sender` sent it. */
function deliver(type: string, data: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve);
  });
}

describe('registerMessageHandlers checks who asks', () => {
  beforeEach(async () => {
    await database().delete();
    await database().open();
    registerMessageHandlers();
  });
  afterEach(() => removeAllListeners());

  it.each<[string, unknown]>([
    ['unsubscribe', { subscriptionId: 1, keepPosts: false }],
    ['updateSettings', { markMode: 'scroll' }],
    ['setRead', { postIds: [1], read: true }],
    ['importBackupPart', { transfer: 't', index: 0, text: '{}' }],
    ['importBackup', { transfer: 't', parts: 1 }],
    ['importOpml', { text: '<opml/>' }],
    ['refreshNow', {}],
    ['subscribe', { url: 'https://evil.test/feed.xml' }],
  ])('refuses “%s” from a web page’s tab and touches nothing', async (type, data) => {
    await addSubscription(database(), { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, 1);
    const reply = await deliver(type, data, WEB_PAGE);
    expect(reply.err?.message).toMatch(/refused/);
    expect(await listSubscriptions(database())).toHaveLength(1);
  });

  it.each([
    ['a web page’s tab', WEB_PAGE],
    ['the popup', POPUP],
  ])('accepts a visit report from %s', async (_name, sender) => {
    const reply = await deliver('pageVisited', { url: 'https://evil.test/post' }, sender);
    expect(reply).toEqual({ res: { matched: [], marked: [] } });
  });

  it('refuses a visit report a tab makes for another site than its own', async () => {
    const reply = await deliver('pageVisited', { url: 'https://blog.test/post' }, WEB_PAGE);
    expect(reply.err?.message).toMatch(/refused/);
  });

  it.each([
    ['another extension', OTHER_EXTENSION],
    ['a sender without a URL', { id: fakeBrowser.runtime.id }],
  ])('refuses even a visit report from %s', async (_name, sender) => {
    expect((await deliver('pageVisited', { url: 'https://evil.test/post' }, sender)).err?.message).toMatch(/refused/);
  });

  it.each([
    ['the options page', EXTENSION],
    ['the popup', POPUP],
    ['the options page opened in a tab', { ...EXTENSION, tab: { id: 3 } }],
  ])('answers the extension’s own pages: %s', async (_name, sender) => {
    await addSubscription(database(), { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, 1);
    const reply = await deliver('importBackupPart', { transfer: 'own', index: 0, text: '{}' }, sender);
    expect(reply.err).toBeUndefined();
    expect(takeBackupText('own', 1)).toBe('{}');
  });
});
