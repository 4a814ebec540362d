import { describe, expect, it } from 'vitest';
import { indexFeed, indexPage } from '../../test/fixtures/index-page';
import { addSubscription } from '../db';
import { useTestDatabase } from '../db/test-support';
import { parseFeed } from '../feeds/parse';
import { loadReadingList } from '../reading-list/load-reading-list';
import { refreshFeed } from '../refresh/refresh-feed';
import { removeSeriesPage } from '../refresh/series-pages';
import { seriesPageOffers, useSeriesPage } from './series-page-offer';

const FEED = 'https://writer.test/blog/rss.xml';
const PAGE = 'https://code.test/dev-writer';
const NOW = Date.UTC(2026, 0, 1);
const encoder = new TextEncoder();

describe('using the series of the page the popup shows', () => {
  const db = useTestDatabase();

  async function subscribed(): Promise<number> {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Dev Writer' }, NOW);
    const body = encoder.encode(indexFeed('https://writer.test/blog/'));
    await refreshFeed({ db: db(), fetch: async () => ({ kind: 'modified', body, finalUrl: FEED, redirected: false }), parse: (b, o) => parseFeed(b, o), notify: async () => undefined, now: () => NOW, random: () => 0 }, sub);
    return sub.id;
  }

  it('offers the page to the subscription whose posts it lists, then labels its series in the popup', async () => {
    const id = await subscribed();
    const html = indexPage(FEED);
    expect(await seriesPageOffers(db(), PAGE, html)).toEqual([{ subscriptionId: id, title: 'Dev Writer', placed: 18, series: 4 }]);
    expect(await seriesPageOffers(db(), 'https://elsewhere.test/', '<h2>Popular</h2><ol><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ol>')).toEqual([]);
    expect(await useSeriesPage(db(), { subscriptionId: id, url: PAGE, html }, NOW, 0)).toEqual({ placed: 18 });
    // Kept: no longer offered.
    expect(await seriesPageOffers(db(), PAGE, html)).toEqual([]);
    const list = await loadReadingList(db(), { limit: 100, query: '', showRead: false });
    const memory = list.groups.find((g) => g.name === 'Memory Topics');
    expect(memory).toMatchObject({ declaredBy: 'series-page' });
    expect(list.groups.find((g) => g.kind === 'feed')?.declaredBy).toBeUndefined();

    await removeSeriesPage(db(), id, PAGE);
    const after = await loadReadingList(db(), { limit: 100, query: '', showRead: false });
    expect(after.groups.some((g) => g.name === 'Memory Topics')).toBe(false);
  });
});
