import { readFileSync } from 'node:fs';
import { subscribeTestDeps } from './subscribe-test-deps';
import { describe, expect, it } from 'vitest';
import { cardGridPage, PROJECTS, SEED_CARDS } from '../../test/fixtures/pages/card-grid';
import { useTestDatabase } from '../db/test-support';
import type { FetchResult } from '../feeds/fetch';
import type { SubscribeResult } from '../messaging/protocol';
import { scriptShellMessage } from '../refresh/page-listing';
import { followPage, noFeedNorListMessage } from './follow-page';
import { subscribe, type SubscribeDeps } from './subscribe';

const encoder = new TextEncoder();
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/pages/${name}`, import.meta.url), 'utf8');
const html = (url: string, body: string): FetchResult => ({ kind: 'modified', body: encoder.encode(body), contentType: 'text/html', finalUrl: url, redirected: false });

const WEB: Record<string, FetchResult> = {
  'https://jane.test/': html('https://jane.test/', cardGridPage({ blog: 'https://blog.test' })),
  'https://shell.test/': html('https://shell.test/', fixture('script-shell.html')),
  'https://article.test/': html('https://article.test/', fixture('article-page.html')),
};

describe('following a page without a feed', () => {
  const db = useTestDatabase();
  const deps = (): SubscribeDeps => subscribeTestDeps(db(), WEB);

  async function offer(): Promise<Extract<SubscribeResult, { kind: 'page' }>['page']> {
    const result = await subscribe(deps(), { url: 'jane.test' });
    if (result.kind !== 'page') throw new Error(`expected a page offer, got ${result.kind}`);
    return result.page;
  }

  it('offers a preview of each list instead of "no feed", and stores nothing yet', async () => {
    const page = await offer();
    expect(page.url).toBe('https://jane.test/');
    expect(page.title).toBe('Selected Posts · Jane Doe');
    expect(page.candidates.map((c) => c.count)).toEqual([17, 3]);
    expect(page.candidates[0]!.titles).toEqual(SEED_CARDS.slice(0, 5).map((card) => card.title));
    expect(page.candidates[0]!.origins).toEqual(['https://blog.test']);
    expect(page.candidates[1]!.origins).toEqual(['https://jane.test']);
    expect(await db().subscriptions.count()).toBe(0);
  });

  it.each([
    ['the first list', 0, 17],
    ['the next list ("Not these posts")', 1, PROJECTS.length],
  ])('follows %s once confirmed, silently, under the page title', async (_name, index, count) => {
    const page = await offer();
    const result = await followPage(deps(), { url: page.url, key: page.candidates[index]!.key, title: page.title });
    expect(result).toMatchObject({ kind: 'subscribed', title: 'Selected Posts · Jane Doe', postCount: count });
    const [subscription] = await db().subscriptions.toArray();
    expect(subscription).toMatchObject({ feedUrl: 'https://jane.test/', listing: { key: page.candidates[index]!.key }, status: 'ok' });
    expect(await db().posts.count()).toBe(count);
    await expect(subscribe(deps(), { url: 'https://jane.test/' })).resolves.toMatchObject({ kind: 'exists' });
  });

  it('explains a list that vanished between the preview and the confirmation', async () => {
    await expect(followPage(deps(), { url: 'https://jane.test/', key: 'div.gone>div.card' })).rejects.toThrow(/changed since Partwise looked/);
    expect(await db().subscriptions.count()).toBe(0);
  });

  it.each([
    ['a JavaScript shell', 'https://shell.test/', scriptShellMessage()],
    ['an article page', 'https://article.test/', noFeedNorListMessage()],
  ])('says why %s cannot be followed', async (_name, url, message) => {
    await expect(subscribe(deps(), { url })).rejects.toThrow(message);
  });
});
