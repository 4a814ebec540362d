import {
  addSubscription,
  findSubscriptionByFeedUrl,
  getSeriesOverrides,
  isDbError,
  refreshTables,
  setSeriesOverrides,
  updateSettings,
  type PartwiseDatabase,
  type PendingMark,
  type PendingReadMarks,
  type Post,
  type Settings,
  type Subscription,
} from '../db';
import { DEFAULT_SETTINGS, postsAtUrls } from '../db';
import { mergeReadMarks } from '../backup/merge-read-marks';
import { parseBackup, type BackupSubscription } from '../backup/parse-backup';
import type { BackupReadMark } from '../backup/backup-types';
import { t } from '../i18n/t';
import type { ImportReport } from '../messaging/protocol';
import { clampIntervalMinutes } from '../refresh/schedule';
import { isStoredOverride, overrideHomeKey, type StoredOverride } from '../series/stored-overrides';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { assignStoredSeries } from '../refresh/assign-stored-series';

/** What the restoring page could grant before the restore. */
export interface ImportBackupOptions {
  /** Whether Partwise has access to all sites; without it the backup's "allow all sites" is left off. */
  allSitesGranted?: boolean;
}

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
  // The same bound as every other interval: a hand-edited backup cannot poll every minute.
  if (entry.refreshMinutes !== undefined) patch.refreshMinutes = clampIntervalMinutes(entry.refreshMinutes);
  if (Object.keys(patch).length > 0) await db.subscriptions.update(subscription.id, patch);
  return { subscription, added: true };
}

/** The stored posts the backup's marks name, by guid first, else by article URL: two bulk reads. */
async function postsOfMarks(db: PartwiseDatabase, subscriptionId: number, marks: readonly BackupReadMark[]): Promise<Map<string, Post>> {
  const byGuid = await db.posts.where('[subscriptionId+guid]').anyOf(marks.map((mark) => [subscriptionId, mark.postId])).toArray();
  const found = new Map<string, Post>(byGuid.map((post) => [post.guid, post]));
  const byUrl = new Map<string, string>();
  for (const mark of marks) {
    const normalized = mark.url && !found.has(mark.postId) ? safeNormalizeArticleUrl(mark.url) : undefined;
    if (normalized) byUrl.set(normalized, mark.postId);
  }
  if (byUrl.size > 0) {
    for (const post of await postsAtUrls(db, subscriptionId, [...byUrl.keys()]).toArray()) {
      const postId = byUrl.get(post.normalizedUrl!);
      if (postId !== undefined && !found.has(postId)) found.set(postId, post);
    }
  }
  return found;
}

/** The marks already waiting for posts of this subscription, as backup marks, for the union. */
function pendingAsBackup(pending: PendingReadMarks | undefined): BackupReadMark[] {
  return Object.entries(pending?.marks ?? {}).map(([postId, mark]) => ({
    postId,
    readAt: new Date(mark.readAt).toISOString(),
    ...(mark.url ? { url: mark.url } : {}),
    ...(mark.title ? { title: mark.title } : {}),
  }));
}

/**
 * Read marks are a union (lib/backup/merge-read-marks.ts): a post read in either place stays read, with
 * the earlier time. A mark for a post not fetched yet waits in pendingReadMarks, and the refresh that
 * stores the post stores it read. Reads and writes are in bulk, and a subscription the restore just
 * added has no posts to look up: a backup of hundreds of thousands of marks restores in seconds.
 */
async function mergeReadState(db: PartwiseDatabase, subscriptionId: number, entry: BackupSubscription, isNew: boolean): Promise<void> {
  if (entry.read.length === 0) return;
  const posts = isNew ? new Map<string, Post>() : await postsOfMarks(db, subscriptionId, entry.read);
  const waiting = isNew ? undefined : await db.pendingReadMarks.get(subscriptionId);
  const stored = pendingAsBackup(waiting);
  for (const [postId, post] of posts) if (post.unread === 0 && post.readAt !== undefined) stored.push({ postId, readAt: new Date(post.readAt).toISOString() });
  const changed: Post[] = [];
  const marks: Record<string, PendingMark> = { ...waiting?.marks };
  const byUrl: Record<string, string> = { ...waiting?.byUrl };
  for (const mark of mergeReadMarks(stored, entry.read)) {
    const readAt = Date.parse(mark.readAt);
    const post = posts.get(mark.postId);
    if (post) {
      if (post.unread === 1 || post.readAt !== readAt) changed.push({ ...post, unread: 0, readAt });
      continue;
    }
    marks[mark.postId] = { readAt, ...(mark.url ? { url: mark.url } : {}), ...(mark.title ? { title: mark.title } : {}) };
    // The feed may give the post another guid by the time it is fetched: its address still finds the mark.
    const normalized = mark.url ? safeNormalizeArticleUrl(mark.url) : undefined;
    if (normalized) byUrl[normalized] = mark.postId;
  }
  const waits = Object.keys(marks).length > 0;
  const row: PendingReadMarks = { subscriptionId, marks, ...(Object.keys(byUrl).length > 0 ? { byUrl } : {}) };
  await Promise.all([changed.length > 0 ? db.posts.bulkPut(changed) : undefined, waits ? db.pendingReadMarks.put(row) : undefined]);
}

/**
 * The series row an override is filed under. A "take this post out of its series" is filed under the
 * post's series, as when the user made it; for a post in no series yet, under another series row of
 * the feed (overrides apply feed-wide). Never under an empty key: that row would show as a series.
 */
async function restoredHomeKey(db: PartwiseDatabase, subscriptionId: number, override: StoredOverride, rowKeys: Iterable<string>): Promise<string | undefined> {
  const home = overrideHomeKey(override);
  if (home !== undefined || override.kind !== 'move') return home;
  const post = await db.posts.where('[subscriptionId+guid]').equals([subscriptionId, override.postId]).first();
  if (post?.seriesKey) return post.seriesKey;
  for (const key of rowKeys) if (key !== '') return key;
  return undefined;
}

async function mergeOverrides(db: PartwiseDatabase, subscription: Subscription, entry: BackupSubscription, problems: string[]): Promise<void> {
  const incoming = entry.seriesOverrides.filter(isStoredOverride) as StoredOverride[];
  if (incoming.length === 0) return;
  // Read marks restored first and series detected on them, so a moved post that was read has its series.
  await assignStoredSeries(db, subscription.id);
  const rows = await getSeriesOverrides(db, subscription.id);
  const byKey = new Map(rows.map((row) => [row.key, row.overrides.filter(isStoredOverride)]));
  // Moves last: the other overrides name their series, which gives a homeless move a row to live on.
  const ordered = [...incoming].sort((a, b) => Number(a.kind === 'move') - Number(b.kind === 'move'));
  for (const override of ordered) {
    const home = await restoredHomeKey(db, subscription.id, override, byKey.keys());
    if (home === undefined) {
      problems.push(t('restoreOverrideNotRestored', subscription.title || entry.feedUrl));
      continue;
    }
    const list = byKey.get(home) ?? [];
    if (!list.some((known) => JSON.stringify(known) === JSON.stringify(override))) list.push(override);
    byKey.set(home, list);
  }
  for (const [key, overrides] of byKey) await setSeriesOverrides(db, subscription.id, key, overrides);
  await assignStoredSeries(db, subscription.id);
}

/** Applies each known setting on its own, so one bad value is reported instead of failing the import. */
async function applySettings(db: PartwiseDatabase, settings: Record<string, unknown>, problems: string[], options: ImportBackupOptions): Promise<void> {
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in settings)) continue;
    if (key === 'allowAllSites' && settings[key] === true && !options.allSitesGranted) {
      problems.push(t('restoreAllSitesLeftOff'));
      continue;
    }
    try {
      await updateSettings(db, { [key]: settings[key] } as Partial<Settings>);
    } catch (error) {
      if (!isDbError(error, 'invalid')) throw error;
      problems.push(t('restoreInvalidSetting', key));
    }
  }
}

/**
 * Merges a backup into the library: validates the whole file first (a corrupt or foreign file
 * throws BackupError and touches nothing), then adds missing subscriptions, unions read marks,
 * merges series overrides and applies settings, all in one transaction.
 */
export async function importBackup(db: PartwiseDatabase, text: string, now: number, options: ImportBackupOptions = {}): Promise<ImportReport> {
  const backup = parseBackup(text);
  let added = 0;
  const problems: string[] = [];
  await db.transaction('rw', [...refreshTables(db), db.settings], async () => {
    for (const entry of backup.subscriptions) {
      const { subscription, added: isNew } = await ensureSubscription(db, entry, now);
      if (isNew) added += 1;
      await mergeReadState(db, subscription.id, entry, isNew);
      await mergeOverrides(db, subscription, entry, problems);
    }
    await applySettings(db, backup.settings, problems, options);
  });
  return { added, skipped: backup.subscriptions.length - added, problems };
}
