import { describe, expect, it } from 'vitest';
import { addSubscription, storeSeriesAssignments, updateSettings, updateSubscription, upsertPosts, type IncomingPost } from '../db';
import { useTestDatabase } from '../db/test-support';
import { normalizeArticleUrl } from '../urls/normalize';
import { handlePageVisit } from './page-visited';
import { savePage } from './save-page';

const NOW = Date.UTC(2026, 10, 1);

function post(guid: string, url: string, title = guid): IncomingPost {
  return { guid, url, normalizedUrl: normalizeArticleUrl(url), title, authors: [], categories: [] };
}

describe('handlePageVisit', () => {
  const db = useTestDatabase();

  async function seed() {
    const sub = await addSubscription(db(), { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, NOW);
    await upsertPosts(db(), sub.id, [
      post('p1', 'https://blog.test/posts/part-1/', 'Series – Part 1'),
      post('p2', 'https://blog.test/posts/part-2/', 'Series – Part 2'),
      post('p3', 'https://blog.test/posts/standalone/'),
    ], NOW);
    await storeSeriesAssignments(db(), sub.id, [
      { guid: 'p1', seriesKey: 'series', seriesName: 'Series', part: 1 },
      { guid: 'p2', seriesKey: 'series', seriesName: 'Series', part: 2 },
    ]);
    return sub;
  }

  it.each<[string, { url: string; canonical?: string; ogUrl?: string }, string[]]>([
    ['the exact URL', { url: 'https://blog.test/posts/part-1/' }, ['p1']],
    ['tracking parameters and a fragment', { url: 'http://www.blog.test/posts/part-1?utm_source=x&fbclid=y#comments' }, ['p1']],
    ['only the canonical link', { url: 'https://blog.test/?p=12', canonical: 'https://blog.test/posts/part-2/' }, ['p2']],
    ['only og:url', { url: 'https://www.blog.test/x', ogUrl: 'https://blog.test/posts/standalone/' }, ['p3']],
    ['an AMP variant', { url: 'https://blog.test/posts/part-2/amp/' }, ['p2']],
    ['another article', { url: 'https://blog.test/posts/part-9/' }, []],
  ])('marks the post read for %s', async (_name, visit, expected) => {
    await seed();
    const result = await handlePageVisit(db(), visit, NOW);
    const marked = await db().posts.bulkGet(result.marked);
    expect(marked.map((p) => p?.guid)).toEqual(expected);
    expect((await db().posts.where('[unread+sortAt]').between([0, 0], [0, Infinity]).toArray()).map((p) => p.guid)).toEqual(expected);
  });

  it.each<[string, { url: string; canonical?: string; ogUrl?: string }]>([
    ['a canonical link', { url: 'https://evil.test/x', canonical: 'https://blog.test/posts/part-2/' }],
    ['og:url', { url: 'https://evil.test/x', ogUrl: 'https://blog.test/posts/standalone/' }],
    ['both', { url: 'http://evil.test/', canonical: 'https://blog.test/posts/part-1/', ogUrl: 'https://blog.test/posts/part-2/' }],
  ])('lets a page on another site claim nothing by naming a post in %s', async (_name, visit) => {
    await seed();
    const result = await handlePageVisit(db(), visit, NOW);
    expect(result).toEqual({ matched: [], marked: [] });
    expect(await db().posts.where('unread').equals(0).count()).toBe(0);
  });

  it('lets a page on a site where the subscription’s posts live claim them by canonical link', async () => {
    const sub = await seed();
    await updateSubscription(db(), sub.id, { postOrigins: ['https://mirror.test'] });
    const result = await handlePageVisit(db(), { url: 'https://mirror.test/x?id=1', canonical: 'https://blog.test/posts/part-2/' }, NOW);
    expect((await db().posts.bulkGet(result.marked)).map((p) => p?.guid)).toEqual(['p2']);
  });

  it('does not mark posts of a subscription with marking off, but still matches them', async () => {
    const sub = await seed();
    await updateSubscription(db(), sub.id, { markOnVisit: false });
    const result = await handlePageVisit(db(), { url: 'https://blog.test/posts/part-1/' }, NOW);
    expect(result.matched).toHaveLength(1);
    expect(result.marked).toEqual([]);
  });

  it('offers the next part only when the setting is on', async () => {
    await seed();
    expect((await handlePageVisit(db(), { url: 'https://blog.test/posts/part-1/' }, NOW)).next).toBeUndefined();
    await updateSettings(db(), { showNextInSeries: true });
    const result = await handlePageVisit(db(), { url: 'https://blog.test/posts/part-1/' }, NOW);
    expect(result.next).toEqual({ title: 'Series – Part 2', url: 'https://blog.test/posts/part-2/', label: 'Part 2' });
  });
});

describe('savePage', () => {
  const db = useTestDatabase();

  it('adds a page once as an unread standalone item', async () => {
    const first = await savePage(db(), { url: 'https://example.com/article?utm_source=x', title: 'An article' }, NOW);
    const again = await savePage(db(), { url: 'https://example.com/article', title: 'An article' }, NOW);
    expect(first.created).toBe(true);
    expect(again).toEqual({ postId: first.postId, created: false });
    expect(await db().posts.get(first.postId)).toMatchObject({ title: 'An article', unread: 1, saved: 1, subscriptionId: 0 });
  });

  it.each(['chrome://settings', 'file:///etc/passwd', 'not a url'])('refuses %s', async (url) => {
    await expect(savePage(db(), { url, title: 'x' }, NOW)).rejects.toThrow(/Only web pages/);
  });
});
