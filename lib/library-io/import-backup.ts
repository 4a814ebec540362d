import {
  addSubscription,
  findSubscriptionByFeedUrl,
  getSeriesOverrides,
  isDbError,
  refreshTables,
  setSeriesOverrides,
  updateSettings,
  type PartwiseDatabase,
  type Settings,
  type Subscription,
} from '../db';
import { DEFAULT_SETTINGS, postsAtUrls } from '../db';
import { parseBackup, type BackupSubscription } from '../backup/parse-backup';
import type { ImportReport } from '../messaging/protocol';
import { isStoredOverride, overrideHomeKey, type StoredOverride } from '../series/stored-overrides';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { assignStoredSeries } from '../refresh/assign-stored-series';

async function ensureSubscription(db: PartwiseDatabase, entry: BackupSubscription, now: number): Promise<{ subscription: Subscription; added: boolean }> {
  const found = await findSubscriptionByFeedUrl(db, entry.feedUrl);
  if (found && found.archivedAt === undefined) return { subscription: found, added: false };
  const subscription = await addSubscription(
    db,
    { feedUrl: entry.feedUrl, siteUrl: entry.siteUrl, title: entry.title, tags: entry.tags, notify: entry.notify, markOnVisit: entry.markOnVisit, listing: entry.listing },
    now,
  );
  const patch: Partial<Subscription> = {};
  if (entry.customTitle) patch.customTitle = entry.customTitle;
  if (entry.refreshMinutes !== undefined) patch.refreshMinutes = entry.refreshMinutes;
  if (Object.keys(patch).length > 0) await db.subscriptions.update(subscription.id, patch);
  return { subscription, added: true };
}

/** Read marks are a union: a post read in either place stays read, with the earlier time. */
async function mergeReadState(db: PartwiseDatabase, subscriptionId: number, entry: BackupSubscription, now: number): Promise<void> {
  for (const mark of entry.read) {
    const readAt = Date.parse(mark.readAt);
    const normalizedUrl = mark.url ? safeNormalizeArticleUrl(mark.url) : undefined;
    const post =
      (await db.posts.where('[subscriptionId+guid]').equals([subscriptionId, mark.postId]).first()) ??
      (normalizedUrl ? await postsAtUrls(db, subscriptionId, [normalizedUrl]).first() : undefined);
    if (post) {
      if (post.unread === 1 || (post.readAt ?? Infinity) > readAt) await db.posts.update(post.id, { unread: 0, readAt });
      continue;
    }
    // Not fetched yet: store the post as read, so the feed's next refresh finds it read.
    await db.posts.add({
      subscriptionId,
      guid: mark.postId,
      ...(mark.url ? { url: mark.url } : {}),
      ...(normalizedUrl ? { normalizedUrl } : {}),
      title: mark.title ?? mark.url ?? mark.postId,
      authors: [],
      categories: [],
      firstSeenAt: now,
      sortAt: readAt,
      readAt,
      unread: 0,
    } as Parameters<typeof db.posts.add>[0]);
  }
}

async function mergeOverrides(db: PartwiseDatabase, subscriptionId: number, entry: BackupSubscription): Promise<void> {
  const incoming = entry.seriesOverrides.filter(isStoredOverride) as StoredOverride[];
  if (incoming.length === 0) return;
  const rows = await getSeriesOverrides(db, subscriptionId);
  const byKey = new Map(rows.map((row) => [row.key, row.overrides.filter(isStoredOverride)]));
  for (const override of incoming) {
    const home = overrideHomeKey(override) ?? (override.kind === 'move' ? '' : undefined);
    if (home === undefined) continue;
    const list = byKey.get(home) ?? [];
    if (!list.some((known) => JSON.stringify(known) === JSON.stringify(override))) list.push(override);
    byKey.set(home, list);
  }
  for (const [key, overrides] of byKey) await setSeriesOverrides(db, subscriptionId, key, overrides);
  await assignStoredSeries(db, subscriptionId);
}

/** Applies each known setting on its own, so one bad value is reported instead of failing the import. */
async function applySettings(db: PartwiseDatabase, settings: Record<string, unknown>, problems: string[]): Promise<void> {
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in settings)) continue;
    try {
      await updateSettings(db, { [key]: settings[key] } as Partial<Settings>);
    } catch (error) {
      if (!isDbError(error, 'invalid')) throw error;
      problems.push(`The setting “${key}” in the backup has an invalid value and was left as it was.`);
    }
  }
}

/**
 * Merges a backup into the library: validates the whole file first (a corrupt or foreign file
 * throws BackupError and touches nothing), then adds missing subscriptions, unions read marks,
 * merges series overrides and applies settings, all in one transaction.
 */
export async function importBackup(db: PartwiseDatabase, text: string, now: number): Promise<ImportReport> {
  const backup = parseBackup(text);
  let added = 0;
  const problems: string[] = [];
  await db.transaction('rw', [...refreshTables(db), db.settings], async () => {
    for (const entry of backup.subscriptions) {
      const { subscription, added: isNew } = await ensureSubscription(db, entry, now);
      if (isNew) added += 1;
      await mergeReadState(db, subscription.id, entry, now);
      await mergeOverrides(db, subscription.id, entry);
    }
    await applySettings(db, backup.settings, problems);
  });
  return { added, skipped: backup.subscriptions.length - added, problems };
}
