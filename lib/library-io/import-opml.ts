import { addSubscription, findSubscriptionByFeedUrl, type PartwiseDatabase } from '../db';
import { t } from '../i18n/t';
import type { ImportReport } from '../messaging/protocol';
import { parseOpml } from '../opml/parse-opml';

/**
 * Adds the feeds of an OPML file as subscriptions, in one transaction. They are due at once and
 * refreshed by the next alarm; a first fetch never notifies, so an import sends no notifications.
 */
export async function importOpml(db: PartwiseDatabase, text: string, now: number): Promise<ImportReport> {
  const parsed = parseOpml(text);
  const problems = parsed.problems.map((problem) => problem.text);
  let added = 0;
  let skipped = parsed.problems.length;
  await db.transaction('rw', db.subscriptions, async () => {
    for (const feed of parsed.feeds) {
      // Checked first: a failed nested write would abort the whole import's transaction.
      const existing = await findSubscriptionByFeedUrl(db, feed.feedUrl);
      if (existing && existing.archivedAt === undefined) {
        skipped += 1;
        problems.push(t('importAlreadySubscribed', feed.title ?? feed.feedUrl));
        continue;
      }
      const listing = feed.pageListing === undefined ? undefined : feed.pageListing === '' ? {} : { key: feed.pageListing };
      await addSubscription(db, { feedUrl: feed.feedUrl, siteUrl: feed.siteUrl, title: feed.title ?? '', tags: feed.tags, listing }, now);
      added += 1;
    }
  });
  return { added, skipped, problems };
}
