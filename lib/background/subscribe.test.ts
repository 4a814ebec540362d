import { describe, expect, it } from 'vitest';
import { subscribeTestDeps } from './subscribe-test-deps';
import { buildRss, ASGI_ITEMS } from '../../test/fixtures/build-rss';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import { subscribe, type SubscribeDeps } from './subscribe';
import { indexFeed, indexPage, INDEX_SERIES, plainPunctuation } from '../../test/fixtures/index-page';

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
  'https://down.test/': { kind: 'failed', url: 'https://down.test/', reason: 'http', status: 503 },
};

describe('subscribe', () => {
  const db = useTestDatabase();
  const deps = (): SubscribeDeps => subscribeTestDeps(db(), WEB);

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

describe('subscribe with an author\'s index page (seed 000 shape)', () => {
  const db = useTestDatabase();
  const INDEX = 'https://code.test/dev-writer';
  const FEED_URL = 'https://writer.test/blog/rss.xml';
  const web = (extra: Record<string, FetchResult> = {}): Record<string, FetchResult> => ({
    [INDEX]: ok(INDEX, indexPage(FEED_URL), 'text/html; charset=utf-8'),
    [FEED_URL]: ok(FEED_URL, indexFeed('https://writer.test/blog/'), 'application/rss+xml'),
    ...extra,
  });
  const deps = (pages: Record<string, FetchResult>): SubscribeDeps => subscribeTestDeps(db(), pages);

  async function seriesOf(subscriptionId: number): Promise<Map<string, string[]>> {
    const rows = await db().series.where('subscriptionId').equals(subscriptionId).toArray();
    const names = new Map(rows.map((row) => [row.key, row.name]));
    const posts = (await db().posts.toArray()).filter((p) => p.seriesKey !== undefined).sort((a, b) => (a.part ?? 99) - (b.part ?? 99));
    const out = new Map<string, string[]>();
    for (const post of posts) out.set(names.get(post.seriesKey!)!, [...(out.get(names.get(post.seriesKey!)!) ?? []), post.title]);
    return out;
  }

  it('offers the feed on the other host, then keeps the page as its series page: the four series in the author\'s order', async () => {
    const pages = web();
    const choice = await subscribe(deps(pages), { url: INDEX });
    expect(choice).toMatchObject({ kind: 'choose', feeds: [{ url: FEED_URL, seriesPageUrl: INDEX }] });
    const result = await subscribe(deps(pages), { url: FEED_URL, seriesPageUrl: INDEX });
    expect(result).toMatchObject({ kind: 'subscribed', seriesPosts: 18 });
    const series = await seriesOf((result as { subscriptionId: number }).subscriptionId);
    expect([...series.keys()].sort()).toEqual(['Dives into ASGI', 'Enhance Your Code Delivery Skills as a Software Engineer', 'Memory Topics', 'Quick Dives into FastAPI']);
    for (const s of INDEX_SERIES) expect(series.get(s.heading.replace(/ Series' Articles$/, ''))).toEqual(s.posts.map((p) => plainPunctuation(p.title)));
    const stored = await db().subscriptions.get((result as { subscriptionId: number }).subscriptionId);
    expect(stored?.seriesPages?.map((p) => p.url)).toEqual([INDEX]);
  });

  it('does not keep a page that places fewer than two of the feed\'s posts', async () => {
    const other = 'https://code.test/other';
    const pages = web({ [other]: ok(other, indexPage(FEED_URL, [{ heading: 'Unrelated', posts: [{ title: 'Nothing here', date: '2024-01-01' }, { title: 'Nor here', date: '2024-01-02' }] }]), 'text/html') });
    const result = await subscribe(deps(pages), { url: FEED_URL, seriesPageUrl: other });
    expect(result).toMatchObject({ kind: 'subscribed' });
    expect(result).not.toHaveProperty('seriesPosts');
    expect((await db().subscriptions.toArray())[0]?.seriesPages).toBeUndefined();
  });

  it('subscribes even when the series page cannot be fetched', async () => {
    const result = await subscribe(deps({ [FEED_URL]: web()[FEED_URL]! }), { url: FEED_URL, seriesPageUrl: INDEX });
    expect(result).toMatchObject({ kind: 'subscribed' });
  });
});

describe('an index page on the feed\'s own host', () => {
  const db = useTestDatabase();
  const SITE = 'https://writer.test/';
  const FEED_URL = 'https://writer.test/blog/rss.xml';
  const pages: Record<string, FetchResult> = {
    [SITE]: ok(SITE, indexPage(FEED_URL).replace('<head>', `<head><link rel="alternate" type="application/rss+xml" href="${FEED_URL}">`), 'text/html'),
    [FEED_URL]: ok(FEED_URL, indexFeed('https://writer.test/blog/'), 'application/rss+xml'),
  };
  const deps = (): SubscribeDeps => subscribeTestDeps(db(), pages);

  it('subscribes without asking and keeps the page', async () => {
    await expect(subscribe(deps(), { url: SITE })).resolves.toMatchObject({ kind: 'subscribed', seriesPosts: 18 });
    expect((await db().subscriptions.toArray())[0]?.seriesPages?.map((p) => p.url)).toEqual([SITE]);
  });

  it('keeps the page for a feed already subscribed', async () => {
    await subscribe(deps(), { url: FEED_URL });
    await expect(subscribe(deps(), { url: SITE })).resolves.toMatchObject({ kind: 'exists' });
    expect((await db().subscriptions.toArray())[0]?.seriesPages?.map((p) => p.url)).toEqual([SITE]);
  });
});
