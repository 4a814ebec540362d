import { describe, expect, it } from 'vitest';
import { addSubscription, listSubscriptions } from '../db';
import { useTestDatabase } from '../db/test-support';
import { parseOpml } from '../opml/parse-opml';
import { exportBackup } from './export-backup';
import { exportSubscriptionsOpml } from './export-opml';
import { importBackup } from './import-backup';
import { importOpml } from './import-opml';

const NOW = Date.UTC(2026, 10, 1);
const PAGE = 'https://jane.test/selected/';
const KEY = 'section.posts>div.card';

async function library(db: () => import('../db').PartwiseDatabase): Promise<void> {
  await addSubscription(db(), { feedUrl: 'https://blog.test/feed.xml', siteUrl: 'https://blog.test/', title: 'A blog', tags: ['Python'] }, NOW);
  await addSubscription(db(), { feedUrl: PAGE, siteUrl: PAGE, title: 'Selected Posts', tags: ['Python'], listing: { key: KEY, itemsHash: 'abc' } }, NOW);
}

describe('followed pages in OPML and backups', () => {
  const db = useTestDatabase();

  it('exports a followed page as a type="html" outline with the page URL and no xmlUrl, so other readers skip it', async () => {
    await library(db);
    const opml = await exportSubscriptionsOpml(db(), new Date(NOW));
    expect(opml).toContain(`<outline type="html" text="Selected Posts" title="Selected Posts" htmlUrl="${PAGE}" partwiseList="${KEY.replace(">", "&gt;")}"/>`);
    expect(opml.match(/xmlUrl=/g)).toHaveLength(1);
    expect(parseOpml(opml).feeds.find((feed) => feed.feedUrl === PAGE)).toEqual({ feedUrl: PAGE, title: 'Selected Posts', tags: ['Python'], pageListing: KEY });
  });

  it('restores a followed page from Partwise OPML, with or without the list key', async () => {
    const opml = `<opml version="2.0"><body>
      <outline type="html" text="Selected Posts" htmlUrl="${PAGE}" partwiseList="${KEY}"/>
      <outline type="html" text="Another page" htmlUrl="https://other.test/writing/"/>
      <outline type="html" text="No address"/>
    </body></opml>`;
    const report = await importOpml(db(), opml, NOW);
    expect(report).toMatchObject({ added: 2, skipped: 1 });
    const byUrl = new Map((await listSubscriptions(db())).map((s) => [s.feedUrl, s]));
    expect(byUrl.get(PAGE)?.listing).toEqual({ key: KEY });
    expect(byUrl.get('https://other.test/writing/')?.listing).toEqual({});
  });

  it('carries a followed page through a backup and restore', async () => {
    await library(db);
    const text = await exportBackup(db(), new Date(NOW));
    expect(JSON.parse(text).subscriptions.find((s: { feedUrl: string }) => s.feedUrl === PAGE).listing).toEqual({ key: KEY });
    await db().subscriptions.clear();
    await importBackup(db(), text, NOW);
    const restored = await listSubscriptions(db());
    expect(restored.find((s) => s.feedUrl === PAGE)?.listing).toEqual({ key: KEY });
    expect(restored.find((s) => s.feedUrl !== PAGE)?.listing).toBeUndefined();
  });
});
