import { getSettings, listSubscriptions, type PartwiseDatabase, type PendingMark, type Post } from '../db';
import type { BackupSubscription, BackupV1 } from '../backup/parse-backup';
import { serializeBackup } from '../backup/serialize-backup';
import { orderedOverrides } from '../series/stored-overrides';

function readMark(post: Post): BackupSubscription['read'][number] {
  const mark: BackupSubscription['read'][number] = { postId: post.guid, readAt: new Date(post.readAt ?? post.firstSeenAt).toISOString(), title: post.title };
  if (post.url) mark.url = post.url;
  return mark;
}

function pendingMark([postId, mark]: [string, PendingMark]): BackupSubscription['read'][number] {
  return { postId, readAt: new Date(mark.readAt).toISOString(), ...(mark.title ? { title: mark.title } : {}), ...(mark.url ? { url: mark.url } : {}) };
}

/** Everything the user would miss after a wipe (subscriptions, read state, series overrides, settings) as versioned JSON. */
export async function exportBackup(db: PartwiseDatabase, now: Date): Promise<string> {
  const [settings, subscriptions] = await Promise.all([getSettings(db), listSubscriptions(db)]);
  const entries: BackupSubscription[] = [];
  for (const subscription of subscriptions) {
    const [read, seriesRows, pending] = await Promise.all([
      db.posts.where('[subscriptionId+unread]').equals([subscription.id, 0]).toArray(),
      db.series.where('subscriptionId').equals(subscription.id).toArray(),
      db.pendingReadMarks.get(subscription.id),
    ]);
    const entry: BackupSubscription = {
      feedUrl: subscription.feedUrl,
      title: subscription.title,
      tags: subscription.tags,
      notify: subscription.notify,
      markOnVisit: subscription.markOnVisit,
      createdAt: new Date(subscription.createdAt).toISOString(),
      // Marks restored earlier for posts not fetched yet go on too: a backup of a restore loses nothing.
      read: [...read.map(readMark), ...Object.entries(pending?.marks ?? {}).map(pendingMark)],
      seriesOverrides: orderedOverrides(seriesRows).map((override) => ({ ...override })),
    };
    if (subscription.siteUrl) entry.siteUrl = subscription.siteUrl;
    if (subscription.customTitle) entry.customTitle = subscription.customTitle;
    if (subscription.refreshMinutes !== undefined) entry.refreshMinutes = subscription.refreshMinutes;
    if (subscription.listing) entry.listing = subscription.listing.key === undefined ? {} : { key: subscription.listing.key };
    entries.push(entry);
  }
  const backup: BackupV1 = { format: 'partwise-backup', version: 1, exportedAt: now.toISOString(), settings: { ...settings }, subscriptions: entries };
  return serializeBackup(backup);
}
