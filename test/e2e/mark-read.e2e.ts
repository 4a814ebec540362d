import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articlePage } from '../fixtures/sample-site';
import { ASGI_ITEMS, buildRss } from '../fixtures/build-rss';
import { RSS_HEADERS, badgeText, callBackground, readStore, resetSession } from './extension-state';
import { extensionContextsIn } from './execution-contexts';
import { shadowAnchors } from './shadow-dom';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredPost {
  id: number;
  url?: string;
  unread: number;
}

const RSS = RSS_HEADERS;

describe('mark read on visit in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;

  beforeAll(async () => {
    harness = await launchExtension({ server: { fallback: articlePage } });
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    await resetSession(harness, options);
    await callBackground(options, 'updateSettings', { markMode: 'visit', showNextInSeries: false });
    harness.server.route('/asgi.xml', { body: buildRss({ title: 'Kfir’s blog', site: `${harness.server.origin}/`, items: ASGI_ITEMS }), headers: RSS });
    await callBackground(options, 'subscribe', { url: harness.server.url('/asgi.xml') });
  });

  async function unreadUrls(): Promise<string[]> {
    const posts = await readStore<StoredPost>(await harness.serviceWorker(), 'posts');
    return posts.filter((p) => p.unread === 1).map((p) => new URL(p.url!).pathname).sort();
  }

  it('marks a post read when its page is visited with tracking parameters and a fragment, and updates the badge', async () => {
    const worker = await harness.serviceWorker();
    await expect.poll(() => badgeText(worker)).toBe('5');
    const tab = await harness.newTab(harness.server.url('/posts/passive-to-real-part-2.html?utm_source=newsletter&utm_medium=email&fbclid=abc#comments'));
    await expect.poll(unreadUrls).not.toContain('/posts/passive-to-real-part-2.html');
    await expect.poll(() => badgeText(worker)).toBe('4');
    await tab.close();
  });

  it('marks a page matched only through its canonical link', async () => {
    harness.server.route('/mirror/some-copy', {
      body: `<!doctype html><html><head><title>Copy</title><link rel="canonical" href="/posts/passive-to-real-part-3.html"></head><body><p>copy</p></body></html>`,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    const tab = await harness.newTab(harness.server.url('/mirror/some-copy'));
    await expect.poll(unreadUrls).not.toContain('/posts/passive-to-real-part-3.html');
    await tab.close();
  });

  it('runs no content script on an origin with no subscription', async () => {
    const page = await harness.newTab();
    const otherOrigin = harness.server.url('/posts/passive-to-real-part-1.html').replace('127.0.0.1', 'localhost');
    expect(await extensionContextsIn(harness, page, otherOrigin)).toEqual([]);
    const subscribed = await harness.newTab();
    expect(await extensionContextsIn(harness, subscribed, harness.server.url('/posts/passive-to-real-part-1.html'))).toHaveLength(1);
    await page.close();
    await subscribed.close();
  });

  it('waits for the dwell time before marking in dwell mode', async () => {
    await callBackground(options, 'updateSettings', { markMode: 'dwell', dwellSeconds: 3 });
    const tab = await harness.newTab(harness.server.url('/posts/podcasts-supply-chain.html'));
    await tab.bringToFront();
    await tab.waitForTimeout(1500);
    expect(await unreadUrls()).toContain('/posts/podcasts-supply-chain.html');
    await expect.poll(unreadUrls, { timeout: 8000 }).not.toContain('/posts/podcasts-supply-chain.html');
    await tab.close();
  });

  it('waits for the end of the article in scroll mode', async () => {
    await callBackground(options, 'updateSettings', { markMode: 'scroll' });
    const long = `<!doctype html><html><head><title>Long</title></head><body><article>${'<p>A long paragraph of the article body.</p>'.repeat(400)}</article><footer>Comments</footer></body></html>`;
    harness.server.route('/posts/passive-to-real-part-3.html', { body: long, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const tab = await harness.newTab(harness.server.url('/posts/passive-to-real-part-3.html'));
    await tab.waitForTimeout(1000);
    expect(await unreadUrls()).toContain('/posts/passive-to-real-part-3.html');
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(unreadUrls).not.toContain('/posts/passive-to-real-part-3.html');
    await tab.close();
  });

  it('offers the next part in a shadow root when the setting is on', async () => {
    await callBackground(options, 'updateSettings', { showNextInSeries: true });
    const tab = await harness.newTab(harness.server.url('/posts/passive-to-real-part-1.html'));
    const link = tab.locator('partwise-next');
    await link.waitFor({ state: 'attached' });
    // The shadow root is closed: the page cannot reach into it, and its styles cannot leak out.
    expect(await tab.evaluate(() => document.querySelector('partwise-next')?.shadowRoot ?? null)).toBeNull();
    const anchors = await shadowAnchors(await harness.cdp(tab));
    expect(anchors).toEqual([{ href: harness.server.url('/posts/passive-to-real-part-2.html'), text: expect.stringMatching(/^Next in series: Part 2 →/) }]);
    await tab.close();
  });
});
