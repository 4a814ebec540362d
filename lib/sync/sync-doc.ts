/*
 * The synced document: what Partwise keeps in the browser's own `storage.sync`, in memory form.
 *
 * Every value carries the time of the change that set it (a stamp, seconds since SYNC_EPOCH), so two
 * copies merge field by field with the newest change winning (see merge.ts). Subscriptions are keyed by
 * feed (or followed-page) URL. A subscription's user-editable settings live in the open `fields` map:
 * another kind of subscription (followed pages) or a new per-subscription setting (series pages) is one
 * more optional field there, with no change to the format, and copies of older versions keep fields they
 * do not know when they merge (see SYNCED_SUBSCRIPTION_FIELDS in subscription-fields.ts).
 */

/** A JSON value as storage.sync holds it. */
export type SyncValue = string | number | boolean | null | SyncValue[] | { [key: string]: SyncValue };

/** A value and the stamp of the change that set it. */
export type Stamped = [value: SyncValue, stamp: number];

/** One subscription: alive while `added` is newer than `deleted` (the tombstone). */
export interface SyncedSubscription {
  /** Stamp of the latest subscribe. */
  added: number;
  /** Stamp of the latest unsubscribe (a tombstone, kept TOMBSTONE_DAYS). */
  deleted?: number;
  /** The unsubscribe kept its posts (archive) rather than deleting them. */
  keepPosts?: boolean;
  /** User-editable fields by name (customTitle, notify, markOnVisit, refreshMinutes, …). */
  fields: Record<string, Stamped>;
}

/** A read mark: the post was marked read (or unread again) at `stamp`. */
export interface ReadMark {
  read: boolean;
  stamp: number;
}

/** The whole synced state. Keys: feed URL; `feedUrl \n seriesKey`; setting name; mark hash (hex). */
export interface SyncDoc {
  subscriptions: Record<string, SyncedSubscription>;
  /** Series overrides by `feedUrl\nhomeKey`: a set of JSON-encoded stored overrides (each with its own time). */
  overrides: Record<string, string[]>;
  settings: Record<string, Stamped>;
  marks: Record<string, ReadMark>;
}

/** Days a tombstone (unsubscribe) is kept so another device cannot undo it. */
export const TOMBSTONE_DAYS = 30;

/** Stamps count seconds from here: small numbers pack into few bytes. */
export const SYNC_EPOCH = Date.UTC(2024, 0, 1);

/** A new, empty document. */
export function emptyDoc(): SyncDoc {
  return { subscriptions: {}, overrides: {}, settings: {}, marks: {} };
}

/** Whether a document holds nothing at all. */
export function isEmptyDoc(doc: SyncDoc): boolean {
  return Object.values(doc).every((section) => Object.keys(section).length === 0);
}

/** The stamp (whole seconds since SYNC_EPOCH, never negative) of an epoch-milliseconds time. */
export function toStamp(ms: number): number {
  return Math.max(0, Math.floor((ms - SYNC_EPOCH) / 1000));
}

/** Epoch milliseconds of a stamp. */
export function fromStamp(stamp: number): number {
  return SYNC_EPOCH + stamp * 1000;
}

/** Whether a synced subscription is followed (its latest change is a subscribe). */
export function isAlive(subscription: SyncedSubscription): boolean {
  return subscription.deleted === undefined || subscription.added > subscription.deleted;
}

/** The separator of an overrides key: a URL never contains a newline. */
export function overridesKey(feedUrl: string, seriesKey: string): string {
  return `${feedUrl}\n${seriesKey}`;
}
