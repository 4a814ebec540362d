import { listSubscriptions, subscriptionTitle, type PartwiseDatabase } from '../db';
import { exportOpml } from '../opml/export-opml';

/** The subscription list as an OPML 2.0 document that imports back to the same list. */
export async function exportSubscriptionsOpml(db: PartwiseDatabase, now: Date): Promise<string> {
  const subscriptions = await listSubscriptions(db);
  const feeds = subscriptions.map((s) => ({
    feedUrl: s.feedUrl,
    title: subscriptionTitle(s),
    ...(s.listing ? { pageListing: s.listing.key ?? '' } : { siteUrl: s.siteUrl }),
    tags: s.tags,
  }));
  return exportOpml(feeds, { dateCreated: now });
}
