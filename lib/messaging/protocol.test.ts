import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, removeAllListeners, sendMessage, type PageVisit } from './protocol';

describe('typed message protocol', () => {
  afterEach(() => removeAllListeners());

  it('delivers a payload-less request and its typed reply', async () => {
    onMessage('ping', () => ({ version: '1.2.3', context: 'background' }));
    await expect(sendMessage('ping')).resolves.toEqual({ version: '1.2.3', context: 'background' });
  });

  it.each<[string, PageVisit]>([
    ['a bare URL', { url: 'https://example.com/post' }],
    ['canonical and og:url hints', { url: 'https://example.com/post?utm_source=x', canonical: '/post', ogUrl: 'https://example.com/post' }],
  ])('passes %s through unchanged and awaits an async handler', async (_name, visit) => {
    const seen: PageVisit[] = [];
    onMessage('pageVisited', async (message) => {
      seen.push(message.data);
      return { matched: [7], marked: [] };
    });
    await expect(sendMessage('pageVisited', visit)).resolves.toEqual({ matched: [7], marked: [] });
    expect(seen).toEqual([visit]);
  });

  it('rejects with the handler error so callers can show it', async () => {
    onMessage('ping', () => {
      throw new Error('database is closed');
    });
    await expect(sendMessage('ping')).rejects.toThrow('database is closed');
  });

  it('keeps working after the fake browser is reset', async () => {
    fakeBrowser.reset();
    onMessage('ping', () => ({ version: '0.0.1', context: 'background' }));
    await expect(sendMessage('ping')).resolves.toMatchObject({ version: '0.0.1' });
  });
});
