import { describe, expect, it } from 'vitest';
import { buildRss, ASGI_ITEMS } from '../../test/fixtures/build-rss';
import { useTestDatabase } from '../db/test-support';
import { findFeedLinks } from '../feeds/discover';
import type { FetchResult } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import { subscribe, type SubscribeDeps } from './subscribe';

const encoder = new TextEncoder();
const FEED = buildRss({ title: 'Kfir’s blog', site: 'https://blog.test/', items: ASGI_ITEMS });
const page = (links: string) => `<html><head><title>Blog</title>${links}</head><body>hi</body></html>`;

function ok(url: string, body: string, contentType: string): FetchResult {
  return { kind: 'modified', body: encoder.encode(body), contentType, finalUrl: url, redirected: false };
}

const WEB: Record<string, FetchResult> = {
  'https://blog.test/feed.xml': ok('https://blog.test/feed.xml', FEED, 'application/rss+xml'),
  'https://blog.test/': ok('https://blog.test/', page('<link rel="alternate" type="application/rss+xml" href="/feed.xml">'), 'text/html'),
  'https://two.test/': ok('https://two.test/', page('<link rel="alternate" type="application/rss+xml" title="All" href="/all.xml"><link rel="alternate" type="application/atom+xml" title="Python" href="/py.atom">'), 'text/html'),
  'https://elsewhere.test/': ok('https://elsewhere.test/', page('<link rel="alternate" type="application/rss+xml" href="https://feeds.other.test/elsewhere">'), 'text/html'),
  'https://plain.test/': ok('https://plain.test/', page(''), 'text/html'),
  'https://down.test/': { kind: 'failed', reason: 'http', status: 503, message: 'https://down.test/ answered HTTP 503.' },
};

describe('subscribe', () => {
  const db = useTestDatabase();
  const deps = (): SubscribeDeps => ({
    db: db(),
    fetch: async (url) => WEB[url] ?? { kind: 'failed', reason: 'http', status: 404, message: `${url} answered HTTP 404.` },
    parse: (body, options) => parseFeed(body, options),
    notify: async () => undefined,
    now: () => Date.UTC(2026, 10, 1),
    random: () => 0,
    discover: async (pageUrl, html) => findFeedLinks(pageUrl, html).map((feed) => ({ url: feed.url, title: feed.title, type: feed.type })),
    decodeHtml: (body) => new TextDecoder().decode(body),
  });

  it.each<[string, string, RegExp | object]>([
    ['a feed URL', 'https://blog.test/feed.xml', { kind: 'subscribed', title: 'Kfir’s blog', postCount: 5 }],
    ['a site whose page names its feed', 'https://blog.test/', { kind: 'subscribed', postCount: 5 }],
    ['an address without a scheme', 'blog.test/feed.xml', { kind: 'subscribed' }],
    ['a site with two feeds', 'https://two.test/', { kind: 'choose', feeds: [{ url: 'https://two.test/all.xml', title: 'All', type: 'rss' }, { url: 'https://two.test/py.atom', title: 'Python', type: 'atom' }] }],
    ['a site whose feed lives on another host', 'https://elsewhere.test/', { kind: 'choose', feeds: [{ url: 'https://feeds.other.test/elsewhere', type: 'rss' }] }],
    ['a page without a feed', 'https://plain.test/', /No feed was found/],
    ['a failing server', 'https://down.test/', /HTTP 503/],
    ['a non-web address', 'ftp://files.test/feed', /only http and https/],
  ])('%s', async (_name, url, expected) => {
    const attempt = subscribe(deps(), { url });
    if (expected instanceof RegExp) {
      await expect(attempt).rejects.toThrow(expected);
      expect(await db().subscriptions.count()).toBe(0);
    } else await expect(attempt).resolves.toMatchObject(expected);
  });

  it('says when the feed is already subscribed, by its address after discovery', async () => {
    await subscribe(deps(), { url: 'https://blog.test/feed.xml' });
    await expect(subscribe(deps(), { url: 'https://blog.test/' })).resolves.toMatchObject({ kind: 'exists', title: 'Kfir’s blog' });
    expect(await db().subscriptions.count()).toBe(1);
  });
});
