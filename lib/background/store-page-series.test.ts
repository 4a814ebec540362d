import { describe, expect, it } from 'vitest';
import { addSubscription, upsertPosts, type IncomingPost } from '../db';
import { useTestDatabase } from '../db/test-support';
import type { PageSeries } from '../messaging/protocol';
import { normalizeArticleUrl } from '../urls/normalize';
import { handlePageVisit } from './page-visited';

const NOW = Date.UTC(2026, 10, 1);
const DAY = 24 * 60 * 60 * 1000;

function post(slug: string, title: string, daysAgo: number): IncomingPost {
  const url = `https://dev.example.to/rustacean/${slug}`;
  return { guid: url, url, normalizedUrl: normalizeArticleUrl(url), title, authors: [], categories: [], published: NOW - daysAgo * DAY };
}

// Titles without any part marker, published out of reading order: only the author's box can order them.
const POSTS = [post('lifetimes-at-last', 'Lifetimes, at last', 30), post('ownership-in-five-minutes', 'Ownership in five minutes', 20), post('borrowing', 'Borrowing without fear', 10), post('cargo', 'Cargo tips', 5)];
const FOREM: PageSeries = {
  source: 'forem',
  name: 'Understanding Rust',
  ordered: true,
  entries: [
    { url: 'https://dev.example.to/rustacean/ownership-in-five-minutes', title: 'Ownership in five minutes' },
    { url: 'https://dev.example.to/rustacean/borrowing', title: 'Borrowing without fear' },
    { url: 'https://dev.example.to/rustacean/lifetimes-at-last', title: 'Lifetimes, at last' },
  ],
};

describe('a visited article page declares its series', () => {
  const db = useTestDatabase();

  async function seriesTitles(): Promise<{ name?: string; titles: string[] }> {
    const posts = (await db().posts.toArray()).filter((p) => p.seriesKey !== undefined).sort((a, b) => (a.part ?? 99) - (b.part ?? 99));
    const row = posts[0] ? await db().series.where('[subscriptionId+key]').equals([posts[0].subscriptionId, posts[0].seriesKey!]).first() : undefined;
    return { name: row?.name, titles: posts.map((p) => p.title) };
  }

  it('groups the series\' other posts in the box\'s order, once', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://dev.example.to/feed/rustacean', title: 'Rustacean' }, NOW);
    await upsertPosts(db(), sub.id, POSTS, NOW);
    const result = await handlePageVisit(db(), { url: 'https://dev.example.to/rustacean/borrowing', series: [FOREM] }, NOW);
    expect(result.seriesChanged).toBe(true);
    expect((await seriesTitles()).titles).toEqual(['Ownership in five minutes', 'Borrowing without fear', 'Lifetimes, at last']);
    // The same declaration again changes nothing.
    expect((await handlePageVisit(db(), { url: 'https://dev.example.to/rustacean/borrowing', series: [FOREM] }, NOW)).seriesChanged).toBeUndefined();
  });

  it('collects "part N of M" pages one visit at a time', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://dev.example.to/feed/rustacean', title: 'Rustacean' }, NOW);
    await upsertPosts(db(), sub.id, POSTS, NOW);
    const visit = (slug: string, position: number) =>
      handlePageVisit(db(), { url: `https://dev.example.to/rustacean/${slug}`, series: [{ source: 'publishpress', name: 'Rust Basics', ordered: false, entries: [{ url: `https://dev.example.to/rustacean/${slug}`, position }] }] }, NOW);
    await visit('lifetimes-at-last', 2);
    await visit('cargo', 1);
    expect(await seriesTitles()).toEqual({ name: 'Rust Basics', titles: ['Cargo tips', 'Lifetimes, at last'] });
  });

  it('ignores a declaration from a page that is no post of a subscription', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://dev.example.to/feed/rustacean', title: 'Rustacean' }, NOW);
    await upsertPosts(db(), sub.id, POSTS, NOW);
    const result = await handlePageVisit(db(), { url: 'https://elsewhere.example/x', series: [FOREM] }, NOW);
    expect(result.seriesChanged).toBeUndefined();
    expect((await db().subscriptions.get(sub.id))?.declaredSeries).toBeUndefined();
  });
});

describe('an article page reached under another address', () => {
  const db = useTestDatabase();

  it('names itself by the post its canonical link matched', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://dev.example.to/feed/rustacean', title: 'Rustacean' }, NOW);
    await upsertPosts(db(), sub.id, POSTS, NOW);
    // Another address on the post's own site (a mirror elsewhere may not speak for it: see page-visited).
    const mirror = 'https://dev.example.to/rustacean/copy-of-cargo';
    const declare = (url: string, slug: string, position: number) =>
      handlePageVisit(db(), { url, canonical: `https://dev.example.to/rustacean/${slug}`, series: [{ source: 'json-ld', name: 'Rust Basics', ordered: true, entries: [{ url, position }] }] }, NOW);
    await declare(mirror, 'cargo', 1);
    await declare('https://dev.example.to/rustacean/lifetimes-at-last', 'lifetimes-at-last', 2);
    const grouped = (await db().posts.toArray()).filter((p) => p.seriesKey !== undefined).sort((a, b) => (a.part ?? 0) - (b.part ?? 0));
    expect(grouped.map((p) => p.title)).toEqual(['Cargo tips', 'Lifetimes, at last']);
  });
});
