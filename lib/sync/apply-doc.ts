import { addSubscription, deleteSubscription, isDbError, patchedSubscription, getSeriesOverrides, getSettings, refreshTables, setSeriesOverrides, updateSettings, updateSubscription, type PartwiseDatabase, type Settings, type Subscription, type SubscriptionPatch } from '../db';
import { t } from '../i18n/t';
import { assignStoredSeries } from '../refresh/assign-stored-series';
import { removeSeriesPage } from '../refresh/series-pages';
import { applyReadMarks } from './apply-read-marks';
import { SYNCED_SETTINGS, SYNCED_SUBSCRIPTION_FIELDS } from './subscription-fields';
import { isAlive, toStamp, type SyncDoc, type SyncValue } from './sync-doc';
import { readApplied, writeApplied } from './sync-store';

/** What applying a synced document changed in the library. */
export interface ApplyResult {
  /** Subscriptions that arrived from another device (to fetch here). */
  added: number[];
  subscriptionsChanged: boolean;
  settingsChanged: boolean;
  postsChanged: number;
  /** Synced values this version cannot accept, in words (they stay synced; the local value stays). */
  ignored: string[];
}

const same = (a: SyncValue, b: SyncValue) => JSON.stringify(a) === JSON.stringify(b);

function fieldPatch(fields: SyncDoc['subscriptions'][string]['fields'], current: Subscription): SubscriptionPatch {
  const patch: SubscriptionPatch = {};
  for (const [name, [value]] of Object.entries(fields)) {
    const field = SYNCED_SUBSCRIPTION_FIELDS[name];
    // Fields this version does not know are kept in the synced copy and left alone here.
    const change = field?.patch(value, current);
    // A value this version clamps (an interval under its minimum) counts as applied once it is clamped.
    if (!field || !change || same(field.read(patchedSubscription(current, change)), field.read(current))) continue;
    Object.assign(patch, change);
  }
  return patch;
}

/** A followed page arriving from another browser is created as a followed page here, never fetched as a feed. */
function followedPage(fields: SyncDoc['subscriptions'][string]['fields']): Pick<Subscription, 'listing'> {
  const key = fields.page?.[0];
  if (typeof key !== 'string') return {};
  return { listing: key === '' ? {} : { key } };
}

function droppedSeriesPages(current: Subscription, patch: SubscriptionPatch): string[] {
  if (!('seriesPages' in patch)) return [];
  const kept = new Set((patch.seriesPages ?? []).map((p) => p.url));
  return (current.seriesPages ?? []).map((p) => p.url).filter((url) => !kept.has(url));
}

async function applySubscriptions(db: PartwiseDatabase, doc: SyncDoc, now: number, result: ApplyResult): Promise<void> {
  const applied = await readApplied();
  const local = new Map((await db.subscriptions.toArray()).map((s) => [s.feedUrl, s]));
  for (const [url, synced] of Object.entries(doc.subscriptions)) {
    let current = local.get(url);
    const followed = current !== undefined && current.archivedAt === undefined;
    if (!isAlive(synced)) {
      // An unsubscribe never removes a subscription made here after it: a copy merged before that
      // subscribe was recorded (a send under way while a backup was restored) must not undo it.
      if (followed && synced.deleted! > toStamp(current!.createdAt)) {
        await deleteSubscription(db, current!.id, { keepPosts: synced.keepPosts === true }, now);
        result.subscriptionsChanged = true;
      }
      continue;
    }
    if (!followed) {
      // A subscribe already applied here and since gone from this library (its feed moved) is not re-added.
      if (applied[url] === synced.added) continue;
      current = await addSubscription(db, { feedUrl: url, title: '', ...followedPage(synced.fields) }, now);
      result.added.push(current.id);
      result.subscriptionsChanged = true;
    }
    applied[url] = synced.added;
    const patch = fieldPatch(synced.fields, current!);
    // A series page dropped elsewhere takes what it declared with it, as removing it here does.
    for (const gone of droppedSeriesPages(current!, patch)) await removeSeriesPage(db, current!.id, gone);
    if (Object.keys(patch).length > 0) {
      await updateSubscription(db, current!.id, patch);
      result.subscriptionsChanged = true;
    }
  }
  await writeApplied(applied);
}

async function applySettings(db: PartwiseDatabase, doc: SyncDoc, result: ApplyResult): Promise<void> {
  const current = await getSettings(db);
  for (const name of SYNCED_SETTINGS) {
    const synced = doc.settings[name];
    if (!synced || same(current[name], synced[0])) continue;
    try {
      await updateSettings(db, { [name]: synced[0] } as Partial<Settings>);
      result.settingsChanged = true;
    } catch (error) {
      if (!isDbError(error) || error.code !== 'invalid') throw error;
      result.ignored.push(t('syncSettingIgnored', name, JSON.stringify(synced[0])));
    }
  }
}

async function applyOverrides(db: PartwiseDatabase, doc: SyncDoc, result: ApplyResult): Promise<void> {
  const byUrl = new Map((await db.subscriptions.filter((s) => s.archivedAt === undefined).toArray()).map((s) => [s.feedUrl, s.id]));
  const touched = new Map<number, Map<string, string[]>>();
  for (const [key, overrides] of Object.entries(doc.overrides)) {
    const [url, home] = key.split('\n') as [string, string];
    const id = byUrl.get(url);
    if (id === undefined || home === undefined) continue;
    const rows = touched.get(id) ?? new Map((await getSeriesOverrides(db, id)).map((row) => [row.key, row.overrides.map((o) => JSON.stringify(o))]));
    touched.set(id, rows);
    const mine = rows.get(home) ?? [];
    const missing = overrides.filter((o) => !mine.includes(o));
    if (missing.length > 0) rows.set(home, [...mine, ...missing]);
  }
  for (const [id, rows] of touched) {
    const before = new Map((await getSeriesOverrides(db, id)).map((row) => [row.key, row.overrides.length]));
    const changed = [...rows].filter(([home, list]) => list.length !== (before.get(home) ?? 0));
    if (changed.length === 0) continue;
    await db.transaction('rw', refreshTables(db), async () => {
      for (const [home, list] of changed) await setSeriesOverrides(db, id, home, list.map((json) => JSON.parse(json) as unknown));
      await assignStoredSeries(db, id);
    });
    result.postsChanged += changed.length;
  }
}

/**
 * Brings the library in line with a synced document: subscriptions (added, updated, dropped), settings,
 * series overrides and read marks. Idempotent: applying the same document again changes nothing.
 */
export async function applySyncDoc(db: PartwiseDatabase, doc: SyncDoc, now: number): Promise<ApplyResult> {
  const result: ApplyResult = { added: [], subscriptionsChanged: false, settingsChanged: false, postsChanged: 0, ignored: [] };
  await applySubscriptions(db, doc, now, result);
  await applySettings(db, doc, result);
  await applyOverrides(db, doc, result);
  result.postsChanged += (await applyReadMarks(db, doc.marks)).length;
  return result;
}
