import { describe, expect, it } from 'vitest';
import { addSubscription, upsertPosts, type IncomingPost } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import { normalizeArticleUrl } from '../urls/normalize';
import { foremApiUrl, refreshForemSeries } from './forem-series';

const NOW = Date.UTC(2026, 0, 10);
const FEED = 'https://dev.to/feed/rustacean';

function post(slug: string, title: string, day: number): IncomingPost {
  const url = `https://dev.to/rustacean/${slug}`;
  return { guid: url, url, normalizedUrl: normalizeArticleUrl(url), title, authors: [], categories: [], published: Date.UTC(2026, 0, day) };
}

const ARTICLES = [
  { title: 'Lifetimes, at last', url: 'https://dev.to/rustacean/lifetimes', collection_id: 77, published_at: '2026-01-03T09:00:00Z' },
  { title: 'Cargo tips', url: 'https://dev.to/rustacean/cargo', collection_id: null, published_at: '2026-01-04T09:00:00Z' },
  { title: 'Ownership in five minutes', url: 'https://dev.to/rustacean/ownership', collection_id: 77, published_at: '2026-01-01T09:00:00Z' },
  { title: 'Borrowing without fear', url: 'https://dev.to/rustacean/borrowing', collection_id: 77, published_at: '2026-01-02T09:00:00Z' },
];

describe('Forem series from its public API', () => {
  const db = useTestDatabase();

  it.each([
    ['https://dev.to/feed/rustacean', 'https://dev.to/api/articles?username=rustacean&per_page=1000'],
    ['https://forem.com/feed/kaushikcoderpy', 'https://forem.com/api/articles?username=kaushikcoderpy&per_page=1000'],
    ['https://blog.example/feed/rustacean', undefined],
    ['http://dev.to/feed/rustacean', undefined],
  ])('%s → %s', (feed, api) => {
    expect(foremApiUrl(feed)).toBe(api);
  });

  it('groups the articles sharing a collection_id, at most once a day, on the feed\'s host only', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Rustacean' }, NOW);
    await upsertPosts(db(), sub.id, [post('lifetimes', 'Lifetimes, at last', 3), post('cargo', 'Cargo tips', 4), post('ownership', 'Ownership in five minutes', 1), post('borrowing', 'Borrowing without fear', 2)], NOW);
    const asked: string[] = [];
    const body = new TextEncoder().encode(JSON.stringify(ARTICLES));
    const deps = {
      db: db(),
      fetch: async (url: string): Promise<FetchResult> => {
        asked.push(url);
        return { kind: 'modified', body, finalUrl: url, redirected: false };
      },
      now: () => NOW,
      random: () => 0,
    };
    expect(await refreshForemSeries(deps, (await db().subscriptions.get(sub.id))!)).toBe(true);
    const grouped = (await db().posts.toArray()).filter((p) => p.seriesKey !== undefined).sort((a, b) => a.sortAt - b.sortAt).map((p) => p.title);
    expect(grouped).toEqual(['Ownership in five minutes', 'Borrowing without fear', 'Lifetimes, at last']);
    expect(await refreshForemSeries(deps, (await db().subscriptions.get(sub.id))!)).toBe(false);
    expect(asked).toEqual(['https://dev.to/api/articles?username=rustacean&per_page=1000']);
  });
});
