import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse';
import { itemSeries } from './series-meta';

const feed = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../test/fixtures/feeds', name)));

describe('itemSeries', () => {
  it.each([
    ['PublishPress name and box', 'Raised Beds', '<div>This entry is part 2 of 3 in the series <a href="/s">Raised Beds</a></div>', { name: 'Raised Beds', part: 2, total: 3 }],
    ['the box alone names the series', undefined, 'This entry is part 1 of 4 in the series <a href="/s" title="x">Rust Async</a>', { name: 'Rust Async', part: 1, total: 4 }],
    ['a name without a part', 'Raised Beds', '<p>No box here.</p>', { name: 'Raised Beds' }],
    ['a part beyond the total is no part', undefined, 'part 5 of 3', undefined],
    ['nothing declared', undefined, '<p>Just a post.</p>', undefined],
  ])('%s', (_name, seriesName, html, expected) => {
    expect(itemSeries(seriesName, html)).toEqual(expected);
  });
});

describe('parseFeed: PublishPress series', () => {
  it('exposes <series:name> and the part from "part N of M" on items', () => {
    const items = parseFeed(feed('publishpress-series.xml'), { url: 'https://garden.example.org/feed/' }).items;
    expect(items.map((i) => [i.title, i.series])).toEqual([
      ['Soil, first', { name: 'Raised Beds', part: 1, total: 3 }],
      ['Watering without waste', { name: 'Raised Beds', part: 3, total: 3 }],
      ['Building the frame', { name: 'Raised Beds', part: 2, total: 3 }],
      ['Why I garden', undefined],
    ]);
  });

  it('reads the namespace by URI, whatever the prefix', () => {
    const xml = '<rss version="2.0" xmlns:pp="https://publishpress.com/"><channel><title>t</title><item><title>a</title><link>https://x.example/a</link><pp:name>Beds</pp:name></item></channel></rss>';
    expect(parseFeed(xml).items[0]?.series).toEqual({ name: 'Beds' });
  });
});
