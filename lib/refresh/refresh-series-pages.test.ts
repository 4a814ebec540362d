import { describe, expect, it } from 'vitest';
import { indexFeed, indexPage, INDEX_SERIES, plainPunctuation, type IndexSeries } from '../../test/fixtures/index-page';
import { useTestDatabase } from '../db/test-support';
import { addSubscription } from '../db';
import type { FetchResult } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import { attachSeriesPage } from '../background/attach-series-page';
import { refreshFeed, type RefreshDeps } from './refresh-feed';
import { refreshSeriesPages } from './refresh-series-pages';

const INDEX = 'https://code.test/dev-writer';
const FEED_URL = 'https://writer.test/blog/rss.xml';
const BLOG = 'https://writer.test/blog/';
const DAY = 24 * 60 * 60 * 1000;
const encoder = new TextEncoder();

// The author adds a post between Memory Topics #1 and #2, published last.
const ADDED = { title: 'Reference Counting in CPython, Step by Step', date: '2025-06-01T09:00:00Z' };
const WITH_ADDED: IndexSeries[] = INDEX_SERIES.map((s) => (s.heading === 'Memory Topics' ? { ...s, posts: [s.posts[0]!, ADDED, ...s.posts.slice(1)] } : s));

describe('refreshSeriesPages', () => {
  const db = useTestDatabase();
  let now = Date.UTC(2026, 0, 1);
  const requests: { url: string; etag?: string }[] = [];
  const web = new Map<string, FetchResult>();
  const serve = (url: string, body: string, etag: string) =>
    web.set(url, { kind: 'modified', body: encoder.encode(body), contentType: 'text/html', finalUrl: url, redirected: false, etag });
  const deps = (): RefreshDeps => ({
    db: db(),
    fetch: async (url, validators) => {
      requests.push({ url, etag: validators.etag });
      const answer = web.get(url);
      if (!answer) return { kind: 'failed', url, reason: 'http', status: 503 };
      if (answer.kind === 'modified' && answer.etag !== undefined && answer.etag === validators.etag) return { kind: 'not-modified', finalUrl: url, redirected: false };
      return answer;
    },
    parse: (body, options) => parseFeed(body, options),
    notify: async () => undefined,
    now: () => now,
    random: () => 0,
  });

  async function memoryTopics(): Promise<string[]> {
    const posts = await db().posts.where('[subscriptionId+seriesKey]').equals([1, 'memory-topic']).toArray();
    return posts.sort((a, b) => (a.part ?? 99) - (b.part ?? 99)).map((p) => p.title);
  }

  it('puts a post the author adds mid-series where the author put it, after the feed brings it', async () => {
    requests.length = 0;
    serve(FEED_URL, indexFeed(BLOG), '"f1"');
    serve(INDEX, indexPage(FEED_URL), '"p1"');
    const sub = await addSubscription(db(), { feedUrl: FEED_URL, title: 'Dev Writer' }, now);
    await refreshFeed(deps(), sub);
    expect(await attachSeriesPage(deps(), sub.id, INDEX)).toBe(18);
    expect(await memoryTopics()).toEqual(INDEX_SERIES[1]!.posts.map((p) => plainPunctuation(p.title)));

    // Nothing new and not due yet: the page is not fetched.
    now += DAY / 2;
    expect(await refreshSeriesPages(deps(), [{ subscriptionId: sub.id, result: 'unchanged', added: 0, parsed: false }])).toBe(0);
    expect(requests.filter((r) => r.url === INDEX)).toHaveLength(1);

    serve(FEED_URL, indexFeed(BLOG, WITH_ADDED), '"f2"');
    serve(INDEX, indexPage(FEED_URL, WITH_ADDED), '"p2"');
    const outcome = await refreshFeed(deps(), (await db().subscriptions.get(sub.id))!);
    expect(outcome.added).toBe(1);
    expect(await refreshSeriesPages(deps(), [outcome])).toBe(1);
    // Conditional GET with the page's own validators.
    expect(requests.filter((r) => r.url === INDEX).at(-1)?.etag).toBe('"p1"');
    expect(await memoryTopics()).toEqual(WITH_ADDED[1]!.posts.map((p) => plainPunctuation(p.title)));
  });

  it('checks a page at least daily, and backs off when it fails', async () => {
    now = Date.UTC(2026, 0, 1);
    serve(FEED_URL, indexFeed(BLOG), '"f1"');
    serve(INDEX, indexPage(FEED_URL), '"p1"');
    const sub = await addSubscription(db(), { feedUrl: FEED_URL, title: 'Dev Writer' }, now);
    await refreshFeed(deps(), sub);
    await attachSeriesPage(deps(), sub.id, INDEX);
    now += DAY + 1;
    requests.length = 0;
    expect(await refreshSeriesPages(deps(), [])).toBe(0);
    expect(requests).toEqual([{ url: INDEX, etag: '"p1"' }]);
    web.delete(INDEX);
    now += DAY + 1;
    await refreshSeriesPages(deps(), []);
    const page = (await db().subscriptions.get(sub.id))?.seriesPages?.[0];
    expect(page).toMatchObject({ errorStreak: 1, lastError: expect.stringContaining('503') as unknown as string });
    // Backing off: new posts in the feed do not bring the failing page back early.
    requests.length = 0;
    await refreshSeriesPages(deps(), [{ subscriptionId: sub.id, result: 'updated', added: 1, parsed: true }]);
    expect(requests).toEqual([]);
    // The declarations survive the failure.
    expect(await memoryTopics()).toHaveLength(3);
  });
});
