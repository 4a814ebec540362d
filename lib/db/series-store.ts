import { DbError } from './db-error';
import { seriesKeysInUse } from './post-lookups';
import type { PartwiseDatabase } from './schema';
import type { Post, SeriesRecord } from './types';

/** Series detection's verdict for one post; null series/part removes the post from any series. */
export interface SeriesAssignment {
  guid: string;
  seriesKey: string | null;
  /** Display name; null keeps the stored name (or the key for a new series). */
  seriesName: string | null;
  part: number | null;
}

/** What storeSeriesAssignments changed. */
export interface SeriesStoreResult {
  postsChanged: number;
  seriesAdded: number;
  seriesRemoved: number;
}

/** A series' overrides, as lib/series stores them. */
export interface SeriesOverrides {
  key: string;
  overrides: unknown[];
}

/** Deletes the rows no post uses (`used` holds the keys in use), unless they hold overrides. */
async function removeUnusedRows(db: PartwiseDatabase, rows: readonly SeriesRecord[], used: ReadonlySet<string>): Promise<number> {
  const unused = rows.filter((row) => row.overrides.length === 0 && !used.has(row.key)).map((row) => row.id);
  if (unused.length > 0) await db.series.bulkDelete(unused);
  return unused.length;
}

/** Series rows of a subscription that no post uses and that hold no overrides are deleted. */
async function removeUnusedSeries(db: PartwiseDatabase, subscriptionId: number): Promise<number> {
  const [rows, used] = await Promise.all([db.series.where('subscriptionId').equals(subscriptionId).toArray(), seriesKeysInUse(db, subscriptionId)]);
  return removeUnusedRows(db, rows, used);
}

/**
 * Writes seriesKey/part onto the subscription's posts (only those that change; unknown guids are
 * ignored), creates or renames series rows, and deletes series rows no post uses unless they
 * carry overrides. One transaction; nests in an outer transaction over refreshTables.
 */
export async function storeSeriesAssignments(
  db: PartwiseDatabase,
  subscriptionId: number,
  assignments: readonly SeriesAssignment[],
  options: { posts?: readonly Post[]; rows?: readonly SeriesRecord[] } = {},
): Promise<SeriesStoreResult> {
  return db.transaction('rw', db.posts, db.series, async () => {
    const posts = options.posts
      ? [...options.posts]
      : assignments.length
        ? await db.posts
            .where('[subscriptionId+guid]')
            .anyOf(assignments.map((a) => [subscriptionId, a.guid]))
            .toArray()
        : [];
    const byGuid = new Map(posts.map((post) => [post.guid, post]));

    const changed: Post[] = [];
    const names = new Map<string, string | null>();
    for (const assignment of assignments) {
      const post = byGuid.get(assignment.guid);
      if (!post) continue;
      if (assignment.seriesKey !== null && (assignment.seriesName !== null || !names.has(assignment.seriesKey))) {
        names.set(assignment.seriesKey, assignment.seriesName);
      }
      const seriesKey = assignment.seriesKey ?? undefined;
      const part = assignment.seriesKey === null ? undefined : (assignment.part ?? undefined);
      if (post.seriesKey === seriesKey && post.part === part) continue;
      const next: Post = { ...post };
      if (seriesKey === undefined) delete next.seriesKey;
      else next.seriesKey = seriesKey;
      if (part === undefined) delete next.part;
      else next.part = part;
      changed.push(next);
      byGuid.set(next.guid, next); // a guid assigned twice ends with its last assignment
    }
    const unique = new Map(changed.map((post) => [post.id, post]));
    const postWrite = unique.size > 0 ? db.posts.bulkPut([...unique.values()]) : undefined;

    let seriesAdded = 0;
    const rows = options.rows ?? (await db.series.where('subscriptionId').equals(subscriptionId).toArray());
    const existing = rows.filter((row) => names.has(row.key));
    const existingByKey = new Map(existing.map((row) => [row.key, row]));
    const writes: SeriesRecord[] = [];
    const additions: Omit<SeriesRecord, 'id'>[] = [];
    for (const [key, name] of names) {
      const row = existingByKey.get(key);
      if (!row) {
        additions.push({ subscriptionId, key, name: name ?? key, overrides: [] });
      } else if (name !== null && row.name !== name) {
        writes.push({ ...row, name });
      }
    }
    // Writes are issued together and awaited once: each await would be a round trip.
    await Promise.all([postWrite, writes.length > 0 ? db.series.bulkPut(writes) : undefined, additions.length > 0 ? db.series.bulkAdd(additions) : undefined]);
    seriesAdded = additions.length;
    // With every post of the subscription in hand the keys in use are known; otherwise the index says.
    const seriesRemoved = options.posts
      ? await removeUnusedRows(db, rows, new Set([...byGuid.values()].flatMap((post) => (post.seriesKey === undefined ? [] : [post.seriesKey]))))
      : await removeUnusedSeries(db, subscriptionId);
    return { postsChanged: new Set(changed.map((p) => p.id)).size, seriesAdded, seriesRemoved };
  });
}

/** Series rows of a subscription, sorted by name. */
export async function listSeries(db: PartwiseDatabase, subscriptionId: number): Promise<SeriesRecord[]> {
  const rows = await db.series.where('subscriptionId').equals(subscriptionId).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** The series of a subscription that carry overrides, sorted by key (series without overrides are omitted). */
export async function getSeriesOverrides(db: PartwiseDatabase, subscriptionId: number): Promise<SeriesOverrides[]> {
  const rows = await db.series.where('subscriptionId').equals(subscriptionId).toArray();
  return rows
    .filter((row) => row.overrides.length > 0)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((row) => ({ key: row.key, overrides: row.overrides }));
}

/**
 * Replaces a series' overrides, creating the series row (named after the key) when missing, so an
 * override can pin a series detection has not produced yet. Overrides must be structured-cloneable.
 * Throws DbError('not-found') if the subscription does not exist.
 */
export async function setSeriesOverrides(
  db: PartwiseDatabase,
  subscriptionId: number,
  key: string,
  overrides: readonly unknown[],
): Promise<void> {
  await db.transaction('rw', db.subscriptions, db.posts, db.series, async () => {
    if (!(await db.subscriptions.get(subscriptionId))) {
      throw new DbError('not-found', `No subscription ${subscriptionId}`);
    }
    const row = await db.series.where('[subscriptionId+key]').equals([subscriptionId, key]).first();
    if (row) await db.series.put({ ...row, overrides: [...overrides] });
    else await db.series.add({ subscriptionId, key, name: key, overrides: [...overrides] });
    // Clearing the last override of a series no post uses leaves nothing worth keeping.
    if (overrides.length === 0) await removeUnusedSeries(db, subscriptionId);
  });
}
