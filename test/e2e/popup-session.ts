import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildRss, type RssItemSpec } from '../fixtures/build-rss';
import { articlePage } from '../fixtures/sample-site';
import { RSS_HEADERS, callBackground, resetSession } from './extension-state';
import { launchExtension, type ExtensionHarness } from './harness';

/** An RSS feed the fixture server serves at `path`. */
export interface SampleFeed {
  path: string;
  title: string;
  items: readonly RssItemSpec[];
}

/** The extension a popup test file runs against; its browser and pages exist once the file's hooks ran. */
export interface PopupSession {
  readonly harness: ExtensionHarness;
  /** An options page kept open to call the background from. */
  readonly options: Page;
  /** Serves an RSS feed at `path` (again, with other items, when a test changes it). */
  route(path: string, title: string, items: readonly RssItemSpec[]): void;
  /** Opens the popup at 420 × 600 and waits for the app, not the inert first paint it replaces. */
  popup(query?: string): Promise<Page>;
}

/**
 * Registers the hooks of a popup test file: one browser with the extension and the article-page fixture
 * server for the file, and before each test a library reset and subscribed to `feeds`.
 */
export function usePopupSession(feeds: readonly SampleFeed[]): PopupSession {
  let harness: ExtensionHarness | undefined;
  let options: Page | undefined;
  const started = () => {
    if (!harness || !options) throw new Error('usePopupSession: the extension is started by the file’s beforeAll hook');
    return { harness, options };
  };
  const session: PopupSession = {
    get harness() {
      return started().harness;
    },
    get options() {
      return started().options;
    },
    route(path, title, items) {
      const { server } = started().harness;
      server.route(path, { body: buildRss({ title, site: `${server.origin}/`, items }), headers: RSS_HEADERS });
    },
    async popup(query = '') {
      const page = await started().harness.newTab(started().harness.extensionUrl(`popup.html${query}`));
      await page.setViewportSize({ width: 420, height: 600 });
      await page.locator('main.popup-main:not([inert]) section.group').first().waitFor();
      return page;
    },
  };
  beforeAll(async () => {
    harness = await launchExtension({ server: { fallback: articlePage } });
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    await resetSession(session.harness, session.options);
    for (const feed of feeds) session.route(feed.path, feed.title, feed.items);
    for (const feed of feeds) await callBackground(session.options, 'subscribe', { url: session.harness.server.url(feed.path) });
  });
  return session;
}

/** The names of the popup app's groups, top to bottom. */
export const groupNames = (page: Page) =>
  page.locator('main:not([inert]) section.group').evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-label')));

/** The full titles of post links: a series row shows a part's own title, its link is named by the full title. */
export const linkTitles = (links: Locator) => links.evaluateAll((all) => all.map((link) => link.getAttribute('aria-label') ?? link.textContent));
