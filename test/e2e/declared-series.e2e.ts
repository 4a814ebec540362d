import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRss } from '../fixtures/build-rss';
import { indexFeed, indexPage, INDEX_SERIES, plainPunctuation, type IndexSeries } from '../fixtures/index-page';
import { RSS_HEADERS, callBackground, readStore, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredPost {
  subscriptionId: number;
  title: string;
  seriesKey?: string;
  part?: number;
}
interface StoredSeries {
  subscriptionId: number;
  key: string;
  name: string;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

describe('series the authors declare, in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  let run = 0;

  beforeAll(async () => {
    harness = await launchExtension();
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    run += 1;
    await resetSession(harness, options);
    await callBackground(options, 'updateSettings', { markMode: 'visit', showNextInSeries: false });
  });

  /** Every series of the library, by name, its posts' titles in reading order. */
  async function librarySeries(): Promise<Map<string, string[]>> {
    const worker = await harness.serviceWorker();
    const [posts, rows] = await Promise.all([readStore<StoredPost>(worker, 'posts'), readStore<StoredSeries>(worker, 'series')]);
    const names = new Map(rows.map((row) => [`${row.subscriptionId}:${row.key}`, row.name]));
    const out = new Map<string, string[]>();
    for (const post of posts.filter((p) => p.seriesKey !== undefined).sort((a, b) => (a.part ?? 1e9) - (b.part ?? 1e9))) {
      const name = names.get(`${post.subscriptionId}:${post.seriesKey}`) ?? post.seriesKey!;
      out.set(name, [...(out.get(name) ?? []), post.title]);
    }
    return out;
  }

  const expected = (series: readonly IndexSeries[]) =>
    new Map(series.map((s) => [s.heading.replace(/ Series' Articles$/, ''), s.posts.map((p) => plainPunctuation(p.title))]));

  /** The index page on "the code host" (localhost) names the feed on "the author's blog" (127.0.0.1). */
  function serveIndex(series: readonly IndexSeries[]): { indexUrl: string; feedUrl: string } {
    const feedUrl = harness.server.url(`/blog-${run}/rss.xml`);
    const indexUrl = harness.server.url(`/dev-writer-${run}`).replace('127.0.0.1', 'localhost');
    harness.server.route(`/blog-${run}/rss.xml`, { body: indexFeed(harness.server.url(`/blog-${run}/`), series), headers: RSS_HEADERS });
    harness.server.route(`/dev-writer-${run}`, { body: indexPage(feedUrl, series), headers: HTML });
    return { indexUrl, feedUrl };
  }

  it('subscribing with an index page whose feed is on another host groups its four numbered series in the author\'s order', async () => {
    const { indexUrl } = serveIndex(INDEX_SERIES);
    await options.reload();
    await options.getByLabel('Feed or site URL').fill(indexUrl);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await options.getByRole('button', { name: /^Subscribe to / }).click();
    const status = options.locator('#subscribe-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Subscribed to .*18 of them are in the author’s series/);
    expect(await librarySeries()).toEqual(expected(INDEX_SERIES));
  });

  it('a post the author adds in the middle of a series sits where the author put it after a refresh', async () => {
    const { feedUrl, indexUrl } = serveIndex(INDEX_SERIES);
    await callBackground(options, 'subscribe', { url: feedUrl, seriesPageUrl: indexUrl });
    await expect.poll(librarySeries).toEqual(expected(INDEX_SERIES));
    const added: IndexSeries[] = INDEX_SERIES.map((s) =>
      s.heading === 'Memory Topics' ? { ...s, posts: [s.posts[0]!, { title: 'Reference Counting in CPython, Step by Step', date: '2025-06-01T09:00:00Z' }, ...s.posts.slice(1)] } : s,
    );
    serveIndex(added);
    await callBackground(options, 'refreshNow', {});
    await expect.poll(librarySeries).toEqual(expected(added));
  });

  it('an article page with a Forem series box groups the series\' other posts in order once it is visited', async () => {
    const site = harness.server.url(`/rustacean-${run}/`);
    const posts = [
      { slug: 'lifetimes-at-last', title: 'Lifetimes, at last', date: '2024-01-03T09:00:00Z' },
      { slug: 'ownership-in-five-minutes', title: 'Ownership in five minutes', date: '2024-01-01T09:00:00Z' },
      { slug: 'borrowing-without-fear', title: 'Borrowing without fear', date: '2024-01-02T09:00:00Z' },
      { slug: 'cargo-tips', title: 'Cargo tips', date: '2024-01-04T09:00:00Z' },
    ];
    harness.server.route(`/rustacean-${run}/feed`, { body: buildRss({ title: 'Rustacean', site, items: posts.map((p) => ({ title: p.title, link: p.slug, date: p.date })) }), headers: RSS_HEADERS });
    // The author's order is not the publication order: Borrowing, then Ownership, then Lifetimes.
    const order = [posts[2]!, posts[1]!, posts[0]!];
    const box = `<div class="crayons-card article-collection-wrapper"><nav class="article-collection" aria-label="Understanding Rust series">
<h2 class="crayons-subtitle-2"><a href="/rustacean/series/1">Understanding Rust</a> (3 Part Series)</h2>
${order.map((p, i) => `<a href="${site}${p.slug}" class="article-collection__item"><span class="article-collection__item-number">${i + 1}</span><span class="article-collection__item-title">${p.title}</span></a>`).join('\n')}
</nav></div>`;
    harness.server.route(`/rustacean-${run}/ownership-in-five-minutes`, {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Ownership in five minutes</title></head><body><main><article><h1>Ownership in five minutes</h1>${box}<p>Every value has one owner.</p></article></main></body></html>`,
      headers: HTML,
    });
    await callBackground(options, 'subscribe', { url: harness.server.url(`/rustacean-${run}/feed`) });
    expect(await librarySeries()).toEqual(new Map());
    const tab = await harness.newTab(`${site}ownership-in-five-minutes`);
    await expect.poll(librarySeries, { timeout: 15_000 }).toEqual(new Map([['Understanding Rust', order.map((p) => p.title)]]));
    await tab.close();
  });

  it('a PublishPress feed is grouped in part order', async () => {
    const site = harness.server.url(`/garden-${run}/`);
    const item = (title: string, slug: string, date: string, part?: number) =>
      `<item><title>${title}</title><link>${site}${slug}/</link><guid>${site}${slug}/</guid><pubDate>${new Date(date).toUTCString()}</pubDate>${
        part === undefined ? '' : `<series:name><![CDATA[Raised Beds]]></series:name><content:encoded><![CDATA[<div class="seriesmeta">This entry is part ${part} of 3 in the series <a href="${site}series/raised-beds/">Raised Beds</a></div><p>Text.</p>]]></content:encoded>`
      }</item>`;
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:series="https://publishpress.com/"><channel><title>Garden Logic</title><link>${site}</link>
${item('Soil, first', 'soil', '2024-03-04T08:00:00Z', 1)}${item('Watering without waste', 'watering', '2024-04-01T08:00:00Z', 3)}${item('Building the frame', 'frame', '2024-04-15T08:00:00Z', 2)}${item('Why I garden', 'why', '2024-01-08T08:00:00Z')}
</channel></rss>`;
    harness.server.route(`/garden-${run}/feed/`, { body: feed, headers: RSS_HEADERS });
    await callBackground(options, 'subscribe', { url: harness.server.url(`/garden-${run}/feed/`) });
    expect(await librarySeries()).toEqual(new Map([['Raised Beds', ['Soil, first', 'Building the frame', 'Watering without waste']]]));
  });
});
