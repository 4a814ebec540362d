import Dexie from 'dexie';
import { DEFAULT_SETTINGS, getSeriesOverrides, getSettings, type PartwiseDatabase, type Post, type Settings, type Subscription } from '../db';
import type { SeriesEditRequest } from '../messaging/protocol';
import { mergeDocs } from './merge';
import { MAX_SYNCED_MARKS } from './encode';
import { markHash } from './mark-hash';
import { scheduleSyncFlush } from './schedule-flush';
import { currentSyncDoc } from './sync-engine';
import { changedFromDefaults, SYNCED_SETTINGS, SYNCED_SUBSCRIPTION_FIELDS } from './subscription-fields';
import { emptyDoc, overridesKey, toStamp, type SyncDoc, type SyncValue } from './sync-doc';
import { isSyncEnabled, readPending, withSyncLock, writePending } from './sync-store';

/**
 * Adds local changes to the pending document (merged, so recording twice changes nothing) and schedules
 * a debounced send. Never throws: a failure to record is reported and the user's action stands.
 */
async function record(what: string, build: () => Promise<SyncDoc | undefined>, now: number): Promise<void> {
  try {
    if (!(await isSyncEnabled())) return;
    const change = await build();
    if (!change) return;
    await withSyncLock(async () => writePending(mergeDocs(await readPending(), change)));
    await scheduleSyncFlush(now);
  } catch (error) {
    console.error(`Partwise: could not record ${what} for sync`, error);
  }
}

/** A stamp later than `previous`: subscribing and unsubscribing within one second still orders them. */
function after(previous: number | undefined, stamp: number): number {
  return previous === undefined ? stamp : Math.max(stamp, previous + 1);
}

function fieldsOf(subscription: Subscription, stamp: number, names: readonly string[]): SyncDoc['subscriptions'][string]['fields'] {
  const fields: Record<string, [SyncValue, number]> = {};
  for (const name of names) {
    const field = SYNCED_SUBSCRIPTION_FIELDS[name];
    if (field) fields[name] = [field.read(subscription), stamp];
  }
  return fields;
}

/** Records a subscribe (with any fields the user set); `fields` limits which fields changed. */
export function syncSubscriptionChanged(db: PartwiseDatabase, subscriptionId: number, now: number, fields?: readonly string[]): Promise<void> {
  return record('a subscription', async () => {
    const subscription = await db.subscriptions.get(subscriptionId);
    if (!subscription || subscription.archivedAt !== undefined) return undefined;
    const stamp = toStamp(now);
    const doc = emptyDoc();
    // A new subscription sends only what differs from the defaults; an edit sends the edited fields.
    const added = fields ? 0 : after((await currentSyncDoc()).subscriptions[subscription.feedUrl]?.deleted, stamp);
    doc.subscriptions[subscription.feedUrl] = { added, fields: fieldsOf(subscription, stamp, fields ?? changedFromDefaults(subscription)) };
    return doc;
  }, now);
}

/** Records an unsubscribe as a tombstone; call it before the library row goes. */
export function syncUnsubscribed(db: PartwiseDatabase, subscriptionId: number, keepPosts: boolean, now: number): Promise<void> {
  return record('an unsubscribe', async () => {
    const subscription = await db.subscriptions.get(subscriptionId);
    if (!subscription) return undefined;
    const doc = emptyDoc();
    const deleted = after((await currentSyncDoc()).subscriptions[subscription.feedUrl]?.added, toStamp(now));
    doc.subscriptions[subscription.feedUrl] = { added: 0, deleted, fields: {}, ...(keepPosts ? { keepPosts: true } : {}) };
    return doc;
  }, now);
}

async function marksOf(db: PartwiseDatabase, posts: readonly Post[], read: boolean, now: number): Promise<SyncDoc> {
  const feeds = new Map((await db.subscriptions.bulkGet([...new Set(posts.map((p) => p.subscriptionId))])).flatMap((s) => (s ? [[s.id, s.feedUrl] as const] : [])));
  const doc = emptyDoc();
  for (const post of posts) doc.marks[markHash(post, feeds.get(post.subscriptionId))] = { read, stamp: toStamp(read ? (post.readAt ?? now) : now) };
  return doc;
}

/** Records posts marked read or unread again (one call for a whole "Mark all read"). */
export function syncReadMarks(db: PartwiseDatabase, postIds: readonly number[], read: boolean, now: number): Promise<void> {
  return record('read marks', async () => {
    if (postIds.length === 0) return undefined;
    const posts = (await db.posts.bulkGet([...postIds])).filter((post): post is Post => post !== undefined && (post.unread === 0) === read);
    return posts.length > 0 ? marksOf(db, posts, read, now) : undefined;
  }, now);
}

/** Records the series overrides of a subscription (they merge as a union: each keeps its own time). */
export function syncSeriesOverrides(db: PartwiseDatabase, subscriptionId: number, now: number): Promise<void> {
  return record('series overrides', async () => {
    const subscription = await db.subscriptions.get(subscriptionId);
    if (!subscription) return undefined;
    const doc = emptyDoc();
    for (const row of await getSeriesOverrides(db, subscriptionId)) {
      doc.overrides[overridesKey(subscription.feedUrl, row.key)] = row.overrides.map((o) => JSON.stringify(o)).sort();
    }
    return doc;
  }, now);
}

/** Records the series overrides of the subscription a series edit touched. */
export async function syncSeriesEdit(db: PartwiseDatabase, request: SeriesEditRequest, now: number): Promise<void> {
  const subscriptionId = request.kind === 'move' ? (await db.posts.get(request.postId))?.subscriptionId : request.subscriptionId;
  if (subscriptionId !== undefined) await syncSeriesOverrides(db, subscriptionId, now);
}

/** Records changed reading settings (others, such as site access, stay on this device). */
export function syncSettings(patch: Partial<Settings>, now: number): Promise<void> {
  return record('settings', async () => {
    const doc = emptyDoc();
    for (const name of SYNCED_SETTINGS) {
      const value = patch[name];
      if (value !== undefined) doc.settings[name] = [value, toStamp(now)];
    }
    return Object.keys(doc.settings).length > 0 ? doc : undefined;
  }, now);
}

/** The newest `count` read posts by the time they were read. */
function newestRead(posts: Post[], count: number): Post[] {
  if (posts.length <= count) return posts;
  const readAt = (post: Post) => post.readAt ?? post.firstSeenAt;
  return posts.sort((a, b) => readAt(b) - readAt(a)).slice(0, count);
}

/**
 * Records the whole library: every followed subscription, its overrides, the read posts that could
 * ever fit in storage.sync (the newest MAX_SYNCED_MARKS) and the reading settings changed from their
 * defaults. Used when sync is turned on and after an import. Each change carries the time it happened
 * here (subscribed at `createdAt`, read at `readAt`), so newer changes made elsewhere meanwhile still
 * win; the subscriptions in `subscribedNow` (an import just added them) count as subscribed now, so
 * they win over an unsubscribe made before. One read and one write of the pending copy, whatever the size.
 */
export function syncWholeLibrary(db: PartwiseDatabase, now: number, subscribedNow: ReadonlySet<number> = new Set()): Promise<void> {
  return record('the library', async () => {
    let doc = emptyDoc();
    const subscriptions = await db.subscriptions.filter((s) => s.archivedAt === undefined).toArray();
    const current = subscribedNow.size > 0 ? await currentSyncDoc() : emptyDoc();
    for (const subscription of subscriptions) {
      // Stamped when it was subscribed here, so an unsubscribe made elsewhere since (sync off) still wins.
      const added = subscribedNow.has(subscription.id)
        ? after(current.subscriptions[subscription.feedUrl]?.deleted, toStamp(now))
        : toStamp(subscription.createdAt);
      doc.subscriptions[subscription.feedUrl] = { added, fields: fieldsOf(subscription, added, changedFromDefaults(subscription)) };
      for (const row of await getSeriesOverrides(db, subscription.id)) {
        doc.overrides[overridesKey(subscription.feedUrl, row.key)] = row.overrides.map((o) => JSON.stringify(o)).sort();
      }
    }
    // When settings changed here is unknown: stamped 0, they go where no browser chose otherwise.
    const settings = await getSettings(db);
    for (const name of SYNCED_SETTINGS) if (settings[name] !== DEFAULT_SETTINGS[name]) doc.settings[name] = [settings[name], 0];
    const read = await db.posts.where('[unread+sortAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray();
    doc = mergeDocs(doc, await marksOf(db, newestRead(read, MAX_SYNCED_MARKS), true, now));
    return doc;
  }, now);
}
