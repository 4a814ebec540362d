import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardGridPage, cardUrl, PROJECTS, SEED_CARDS, type Card } from '../fixtures/pages/card-grid';
import { articlePage } from '../fixtures/sample-site';
import { callBackground, notifications, readStore, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

interface StoredSubscription {
  id: number;
  feedUrl: string;
  title: string;
  status: string;
  listing?: { key?: string };
}
interface StoredPost {
  id: number;
  title: string;
  url: string;
  unread: number;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const TITLE = 'Selected Posts · Jane Doe';
const NEW_CARD: Card = { title: 'Structured Concurrency with Task Groups', description: 'TaskGroup and timeouts in Python 3.11, and what they replace.', slug: 'structured-concurrency-with-task-groups' };

describe('following a page without a feed, in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  // A fresh path per test, so no answer Chromium cached for one test serves another.
  let pagePath = '';
  let testNumber = 0;

  beforeAll(async () => {
    harness = await launchExtension({ server: { fallback: articlePage } });
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    testNumber += 1;
    pagePath = `/selected-${testNumber}/`;
    await resetSession(harness, options);
    harness.server.route(pagePath, { body: cardGridPage({ blog: harness.server.origin }), headers: HTML });
    await options.reload();
  });

  const preview = () => options.getByTestId('follow-page');
  const previewTitles = () => options.getByTestId('follow-page-titles').locator('li').allTextContents();
  const subscriptions = async () => readStore<StoredSubscription>(await harness.serviceWorker(), 'subscriptions');
  const posts = async () => readStore<StoredPost>(await harness.serviceWorker(), 'posts');

  async function offerPage(): Promise<void> {
    await options.getByLabel('Feed or site URL').fill(harness.server.url(pagePath));
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await preview().waitFor({ timeout: 15_000 });
  }

  async function follow(): Promise<void> {
    await options.getByRole('button', { name: 'Follow this page' }).click();
    await expect.poll(() => options.locator('#subscribe-status').textContent(), { timeout: 15_000 }).toBe(`Following ${TITLE} (17 posts).`);
  }

  it('previews the 17 cards, then follows them under their card headings, linking to their articles, without navigation or footer links', async () => {
    await offerPage();
    expect(await options.getByTestId('follow-page-count').textContent()).toBe('17 posts');
    expect(await previewTitles()).toEqual(SEED_CARDS.slice(0, 5).map((card) => card.title));
    expect(await subscriptions()).toEqual([]);
    await follow();

    const [subscription] = await subscriptions();
    expect(subscription).toMatchObject({ feedUrl: harness.server.url(pagePath), title: TITLE, status: 'ok' });
    const stored = await posts();
    expect(stored.map((p) => p.title).sort()).toEqual(SEED_CARDS.map((card) => card.title).sort());
    expect(stored.map((p) => p.url).sort()).toEqual(SEED_CARDS.map((card) => cardUrl(harness.server.origin, card)).sort());
    for (const chrome of ['/about/', '/talks/', '/contact/', '/privacy-policy-and-cookies/', '/projects/']) {
      expect(stored.some((p) => p.url.includes(chrome))).toBe(false);
    }
    expect(stored.some((p) => /Read on the blog/.test(p.title))).toBe(false);
    expect(await notifications(await harness.serviceWorker())).toEqual({});

    // The popup groups them under the page's title, and each opens its article.
    const popup = await harness.newTab(harness.extensionUrl('popup.html'));
    await popup.locator('main.popup-main:not([inert]) section.group').first().waitFor();
    const groupNames = await popup.locator('section.group').evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')));
    expect(groupNames).toContain(TITLE);
    const hrefs = await popup.locator('a[data-post-link]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${harness.server.origin}/posts/`));
    await popup.close();
  });

  it('brings one new post and one notification after a refresh when the page gains a card', async () => {
    await offerPage();
    await follow();
    harness.server.route(pagePath, { body: cardGridPage({ blog: harness.server.origin, cards: [NEW_CARD, ...SEED_CARDS] }), headers: HTML });
    await callBackground(options, 'refreshNow', {});
    const stored = await posts();
    expect(stored).toHaveLength(18);
    const added = stored.filter((p) => p.title === NEW_CARD.title);
    expect(added).toHaveLength(1);
    // The one notification names the new post (its id is the notification's).
    expect(Object.keys(await notifications(await harness.serviceWorker()))).toEqual([`partwise:post:${added[0]!.id}`]);

    // An unchanged page afterwards adds nothing and notifies nothing more.
    await callBackground(options, 'refreshNow', {});
    expect(await posts()).toHaveLength(18);
    expect(Object.keys(await notifications(await harness.serviceWorker()))).toHaveLength(1);
  });

  it('moves to the next candidate list with “Not these posts”, and cancels without storing anything', async () => {
    await offerPage();
    await options.getByRole('button', { name: 'Not these posts' }).click();
    await expect.poll(() => options.getByTestId('follow-page-count').textContent()).toBe(`${PROJECTS.length} posts`);
    expect(await previewTitles()).toEqual(PROJECTS.map((project) => project.name));
    await options.getByRole('button', { name: 'Cancel' }).click();
    await preview().waitFor({ state: 'detached' });
    expect(await subscriptions()).toEqual([]);

    await offerPage();
    await options.getByRole('button', { name: 'Not these posts' }).click();
    await options.getByRole('button', { name: 'Follow this page' }).click();
    await expect.poll(() => options.locator('#subscribe-status').textContent(), { timeout: 15_000 }).toBe(`Following ${TITLE} (${PROJECTS.length} posts).`);
    expect((await posts()).map((p) => p.title).sort()).toEqual(PROJECTS.map((project) => project.name).sort());
  });

  it('marks a followed page’s post read when its article is visited', async () => {
    await callBackground(options, 'updateSettings', { markMode: 'visit', showNextInSeries: false });
    await offerPage();
    await follow();
    const article = cardUrl(harness.server.origin, SEED_CARDS[3]!);
    const tab = await harness.newTab(article);
    await expect.poll(async () => (await posts()).find((p) => p.url === article)?.unread).toBe(0);
    expect((await posts()).filter((p) => p.unread === 0)).toHaveLength(1);
    await tab.close();
  });

  it('says clearly that a JavaScript shell cannot be followed', async () => {
    harness.server.route(pagePath, {
      body: '<!doctype html><html><head><title>App</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
      headers: HTML,
    });
    await options.getByLabel('Feed or site URL').fill(harness.server.url(pagePath));
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect.poll(() => options.locator('#subscribe-status').textContent(), { timeout: 15_000 }).toMatch(/only after running JavaScript/);
    expect(await subscriptions()).toEqual([]);
  });

  it('offers “Follow this page” in the popup for a tab whose page has no feed', async () => {
    const site = await harness.newTab(harness.server.url(pagePath));
    const tabId = await harness.serviceWorker().then((worker) => worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, harness.server.url(pagePath)));
    const popup = await harness.newTab(harness.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Follow this page' }).click();
    await popup.getByTestId('follow-page').waitFor({ timeout: 15_000 });
    expect(await popup.getByTestId('follow-page-count').textContent()).toBe('17 posts');
    await popup.getByTestId('follow-page').getByRole('button', { name: 'Follow this page' }).click();
    await expect.poll(() => popup.getByRole('status').allTextContents(), { timeout: 15_000 }).toContain(`Following ${TITLE} (17 posts).`);
    expect(await posts()).toHaveLength(17);
    await popup.close();
    await site.close();
  });
});
