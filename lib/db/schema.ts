/*
 * The ONE place the IndexedDB schema lives.
 *
 * APPEND-ONLY RULE: a schema version that has shipped is never edited or removed, because
 * installed extensions hold databases at that version and Dexie upgrades them step by step.
 * To change the schema:
 *   1. Append `{ version: N + 1, stores: { <changed tables only; null deletes a table> },
 *      upgrade: tx => ... }` to SCHEMA_VERSIONS (stores are cumulative, as in Dexie).
 *   2. Write `fixtures/vN.json`: rows as a version-N database holds them
 *      (`{ "version": N, "stores": { "<table>": [rows] } }`) and append it to FIXTURES in
 *      `fixtures/fixtures.ts`; migrations.test.ts then upgrades it (via `loadFixture`, which
 *      builds the raw version-N stores from this file) and checks every row survives.
 *   3. In migrations.test.ts, assert what the upgrade function changed in the vN rows.
 * Keep every older fixture and its test: each proves an upgrade path users may still take.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { PendingReadMarks, Post, PrunedPost, SeriesRecord, SettingRecord, Subscription } from './types';

/** One declared schema version: Dexie store specs for changed tables and an optional data upgrade. */
export interface SchemaVersion {
  version: number;
  stores: Readonly<Record<string, string | null>>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every schema version ever shipped, oldest first. Append only; never edit a shipped entry. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // nextCheckAt: due refreshes by range; status for filtering 'gone'.
      subscriptions: '++id, &feedUrl, nextCheckAt, status',
      // [subscriptionId+guid] identifies a post; [subscriptionId+normalizedUrl] catches id changes;
      // [unread+sortAt] pages unread newest first and counts unread; [subscriptionId+unread] and
      // [unread+subscriptionId+seriesKey] answer per-subscription and per-series unread without
      // scanning; readAt finds prunable posts (unread posts have no readAt, so are never in it).
      posts:
        '++id, &[subscriptionId+guid], subscriptionId, normalizedUrl, [subscriptionId+normalizedUrl], ' +
        '[unread+sortAt], [subscriptionId+unread], [subscriptionId+seriesKey], ' +
        '[unread+subscriptionId+seriesKey], readAt',
      series: '++id, &[subscriptionId+key], subscriptionId',
      settings: '&key',
      prunedPosts: '[subscriptionId+guid], [subscriptionId+normalizedUrl], subscriptionId, seenAt',
    },
  },
  {
    version: 2,
    stores: {
      // Every index costs each post write its upkeep, and a refresh writes thousands of posts: v2 keeps
      // the indexes the popup, the content script and pruning read, and drops those another answers:
      // a subscription's posts are a range of [subscriptionId+guid]; a URL within a subscription is the
      // normalizedUrl index filtered; a series' unread posts are its [subscriptionId+seriesKey] filtered.
      posts: '++id, &[subscriptionId+guid], normalizedUrl, [unread+sortAt], [subscriptionId+unread], [subscriptionId+seriesKey], readAt',
    },
  },
  {
    version: 3,
    stores: {
      // Read marks a backup restored for posts not fetched yet, one row per subscription: writing
      // 250,000 marks as 500 rows costs seconds, as 250,000 records (or posts, with six indexes) minutes.
      pendingReadMarks: 'subscriptionId',
    },
  },
  {
    version: 4,
    stores: {
      // [starred+sortAt] pages the starred list newest first. Only starred posts carry the field, so
      // only they are in the index: it costs the thousands of other post writes nothing.
      posts:
        '++id, &[subscriptionId+guid], normalizedUrl, [unread+sortAt], [subscriptionId+unread], [subscriptionId+seriesKey], readAt, ' +
        '[starred+sortAt]',
    },
  },
];

/** The newest declared schema version. */
export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 0;

/** Table specs in effect at `version` (later versions only list the tables they change). */
export function storesAtVersion(version: number): Record<string, string> {
  const merged: Record<string, string | null> = {};
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > version) break;
    Object.assign(merged, step.stores);
  }
  const result: Record<string, string> = {};
  for (const [table, spec] of Object.entries(merged)) {
    if (spec !== null) result[table] = spec;
  }
  return result;
}

/** Partwise's Dexie database with typed tables. */
export class PartwiseDatabase extends Dexie {
  declare readonly subscriptions: EntityTable<Subscription, 'id'>;
  declare readonly posts: EntityTable<Post, 'id'>;
  declare readonly series: EntityTable<SeriesRecord, 'id'>;
  declare readonly settings: EntityTable<SettingRecord, 'key'>;
  declare readonly prunedPosts: Table<PrunedPost, [number, string]>;
  declare readonly pendingReadMarks: Table<PendingReadMarks, number>;

  /** `versions` exists so migration tests can rehearse an upgrade; production code uses the default. */
  constructor(name: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const step of versions) {
      const declared = this.version(step.version).stores({ ...step.stores });
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

/** Creates a handle on the named database; Dexie opens (and upgrades) it on first use. */
export function openDatabase(name = 'partwise'): PartwiseDatabase {
  return new PartwiseDatabase(name);
}

/**
 * Tables an outer refresh transaction must include so that upsertPosts, storeSeriesAssignments,
 * setSeriesOverrides and updateSubscription can nest inside it:
 * `db.transaction('rw', refreshTables(db), fn)`. Fetch and read settings before opening it:
 * IndexedDB commits a transaction as soon as it waits on anything but its own requests.
 */
export function refreshTables(db: PartwiseDatabase): Table[] {
  return [db.subscriptions, db.posts, db.series, db.prunedPosts, db.pendingReadMarks];
}
