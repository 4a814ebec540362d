import { packMarks, packOrder, unpackMarks, type PackedMark } from './pack-marks';
import { emptyDoc, type Stamped, type SyncDoc, type SyncValue, type SyncedSubscription } from './sync-doc';

/** storage.sync's limits, the same in Chrome and Firefox. */
export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, items: 512 } as const;

/** What Partwise lets itself use: 5% stays free for the browser's own rounding and a format bump. */
export const SYNC_BUDGET_BYTES = 97_280;

/**
 * The most read marks storage.sync can ever hold: a packed mark takes at least 6 bytes (a 1-byte
 * varint and the 5-byte hash), 8 characters once in base64. Marks beyond the newest this many are
 * always dropped by the encoder, so nothing needs to record them.
 */
export const MAX_SYNCED_MARKS = Math.floor((SYNC_BUDGET_BYTES * 3) / 4 / 6);

/** Version of the wire format below; a copy written by a newer format is read but never overwritten. */
export const SYNC_FORMAT = 1;

const VERSION_KEY = 'v';
const SETTINGS_KEY = 'g';
const CHUNK_KEY = /^([smo])(\d{1,3})$/;
// Room for a key of up to 4 characters and the quotes around a string, under the 8,192-byte item limit.
const CHUNK_CHARS = 8_000;
const MARK_CHUNK_BYTES = (CHUNK_CHARS / 4) * 3;

/** The items of storage.sync, by key. */
export type SyncItems = Record<string, unknown>;

/** The bytes an item counts against the quota: its key and its value as JSON (UTF-8), as browsers count them. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Total quota bytes of a set of items. */
export function itemsBytes(items: SyncItems): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

// A subscription on the wire: [url, added, fields?, deleted?, keepPosts?], trailing parts omitted;
// `https://` is implied (other schemes are written out).
type WireSubscription = [string, number, Record<string, Stamped>?, number?, 1?];

function shortUrl(url: string): string {
  return url.startsWith('https://') ? url.slice(8) : url;
}

function fullUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}

function toWire(url: string, s: SyncedSubscription): WireSubscription {
  const wire: WireSubscription = [shortUrl(url), s.added];
  const hasFields = Object.keys(s.fields).length > 0;
  if (hasFields || s.deleted !== undefined) wire.push(s.fields);
  if (s.deleted !== undefined) wire.push(s.deleted);
  if (s.keepPosts) wire.push(1);
  return wire;
}

/**
 * An entry too large for one item, so not synced: a subscription, or the series overrides of a feed,
 * by URL. Facts only, as this module also runs in node scripts; sync-messages.ts says it in words.
 */
export interface SkippedEntry {
  kind: 'subscription' | 'overrides';
  url: string;
}

/** Greedily fills chunks of JSON arrays up to CHUNK_CHARS; an entry too big for any item is reported, not written. */
function chunkJson(entries: readonly SyncValue[], skipped: SkippedEntry[], describe: (entry: SyncValue) => SkippedEntry): SyncValue[][] {
  const chunks: SyncValue[][] = [];
  let current: SyncValue[] = [];
  let size = 2;
  for (const entry of entries) {
    const bytes = itemBytes('', entry) + 1;
    if (bytes + 2 > CHUNK_CHARS) {
      skipped.push(describe(entry));
      continue;
    }
    if (size + bytes > CHUNK_CHARS) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(entry);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** How to encode a document within the budget. */
export interface EncodeOptions {
  /** Bytes the items may take in all (default SYNC_BUDGET_BYTES). */
  budget?: number;
  /** Whether a mark's post is still in this library; marks of posts that left it are dropped first. */
  isInLibrary?: (hash: string) => boolean;
}

/** Items to store, and what did not fit. */
export interface EncodeResult {
  items: SyncItems;
  bytes: number;
  /** Read marks left out of the synced set (never from the library), oldest first. */
  droppedMarks: number;
  /** Subscriptions or overrides too large for one item. */
  skipped: SkippedEntry[];
}

function marksToKeep(marks: PackedMark[], room: number, isInLibrary: (hash: string) => boolean): { chunks: string[]; dropped: number } {
  const fits = (kept: PackedMark[]) => {
    const chunks = packMarks(packOrder(kept), MARK_CHUNK_BYTES);
    const bytes = chunks.reduce((sum, chunk, i) => sum + itemBytes(`m${i}`, chunk), 0);
    return bytes <= room ? chunks : undefined;
  };
  const all = fits(marks);
  if (all) return { chunks: all, dropped: 0 };
  // Drop order: marks of posts gone from the library, oldest first, then the oldest of the rest.
  const byAge = (a: PackedMark, b: PackedMark) => a.stamp - b.stamp || (a.hash < b.hash ? -1 : 1);
  const order = [...marks.filter((m) => !isInLibrary(m.hash)).sort(byAge), ...marks.filter((m) => isInLibrary(m.hash)).sort(byAge)];
  let low = 1;
  let high = order.length;
  let best: string[] = [];
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const chunks = fits(order.slice(mid));
    if (chunks) {
      best = chunks;
      high = mid - 1;
    } else low = mid + 1;
  }
  return { chunks: best, dropped: Math.min(low, order.length) };
}

/**
 * Encodes the document as storage.sync items within the budget and the per-item and item-count limits:
 * a format version, the settings, subscriptions and overrides in JSON chunks, and read marks packed in
 * base64 chunks. When everything does not fit, read marks are dropped from the synced set (see marksToKeep).
 */
export function encodeDoc(doc: SyncDoc, options: EncodeOptions = {}): EncodeResult {
  const budget = options.budget ?? SYNC_BUDGET_BYTES;
  const skipped: SkippedEntry[] = [];
  const items: SyncItems = { [VERSION_KEY]: SYNC_FORMAT };
  if (Object.keys(doc.settings).length > 0) items[SETTINGS_KEY] = doc.settings;
  const subscriptions = Object.keys(doc.subscriptions)
    .sort()
    .map((url) => toWire(url, doc.subscriptions[url]!) as SyncValue);
  chunkJson(subscriptions, skipped, (entry) => ({ kind: 'subscription', url: fullUrl(String((entry as SyncValue[])[0])) })).forEach((chunk, i) => (items[`s${i}`] = chunk));
  const overrides = Object.keys(doc.overrides)
    .sort()
    .map((key) => [key, doc.overrides[key]!.map((json) => JSON.parse(json) as SyncValue)] as SyncValue);
  chunkJson(overrides, skipped, (entry) => ({ kind: 'overrides', url: String((entry as SyncValue[])[0]).split('\n')[0]! })).forEach((chunk, i) => (items[`o${i}`] = chunk));
  const used = itemsBytes(items);
  const marks = Object.entries(doc.marks).map(([hash, mark]) => ({ hash, ...mark }));
  const itemRoom = SYNC_QUOTA.items - Object.keys(items).length;
  const { chunks, dropped } = marksToKeep(marks, Math.max(0, budget - used), options.isInLibrary ?? (() => false));
  chunks.slice(0, itemRoom).forEach((chunk, i) => (items[`m${i}`] = chunk));
  return { items, bytes: itemsBytes(items), droppedMarks: dropped, skipped };
}

/** Why decoding skipped an item: not text or not a list, an entry malformed, or read marks cut short or damaged. */
export type UnreadableReason = 'not-text' | 'not-a-list' | 'bad-subscription' | 'bad-overrides' | 'bad-marks';

/** A synced item decoding skipped, by key (facts only; sync-messages.ts says it in words). */
export interface UnreadableItem {
  key: string;
  reason: UnreadableReason;
}

/** What decoding found: the document and each item it had to skip. */
export interface DecodeResult {
  doc: SyncDoc;
  problems: UnreadableItem[];
  /** The items were written by a newer format, which this version must not overwrite. */
  newerFormat: boolean;
}

function isStamped(value: unknown): value is Stamped {
  return Array.isArray(value) && value.length === 2 && typeof value[1] === 'number' && Number.isFinite(value[1]);
}

function stampedRecord(value: unknown): Record<string, Stamped> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => isStamped(v))) as Record<string, Stamped>;
}

function readSubscription(entry: unknown, doc: SyncDoc): boolean {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') return false;
  const [url, added, fields, deleted, keep] = entry as unknown[];
  const subscription: SyncedSubscription = { added: added as number, fields: stampedRecord(fields) };
  if (typeof deleted === 'number') subscription.deleted = deleted;
  if (keep === 1) subscription.keepPosts = true;
  doc.subscriptions[fullUrl(url as string)] = subscription;
  return true;
}

function readOverrides(entry: unknown, doc: SyncDoc): boolean {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return false;
  doc.overrides[entry[0]] = (entry[1] as unknown[]).map((o) => JSON.stringify(o));
  return true;
}

/** Reads a chunk of subscriptions or overrides; at a malformed entry the rest of the chunk is left out. */
function readEntries(kind: 's' | 'o', value: unknown, doc: SyncDoc): UnreadableReason | undefined {
  if (!Array.isArray(value)) return 'not-a-list';
  const read = kind === 's' ? readSubscription : readOverrides;
  for (const entry of value) if (!read(entry, doc)) return kind === 's' ? 'bad-subscription' : 'bad-overrides';
  return undefined;
}

function readMarks(value: unknown, doc: SyncDoc): UnreadableReason | undefined {
  if (typeof value !== 'string') return 'not-text';
  let marks: PackedMark[];
  try {
    marks = unpackMarks(value);
  } catch {
    return 'bad-marks';
  }
  for (const mark of marks) {
    const current = doc.marks[mark.hash];
    // Two chunks may briefly hold the same mark (the sync engine delivers items one at a time).
    if (!current || current.stamp < mark.stamp || (current.stamp === mark.stamp && !mark.read)) doc.marks[mark.hash] = { read: mark.read, stamp: mark.stamp };
  }
  return undefined;
}

/**
 * Reads storage.sync items back into a document. Chunks are read independently (any subset decodes), so
 * an item the sync engine has not delivered yet only leaves its part out; a malformed item is skipped
 * and named in `problems`, never thrown.
 */
export function decodeItems(items: SyncItems): DecodeResult {
  const doc = emptyDoc();
  const problems: UnreadableItem[] = [];
  const version = items[VERSION_KEY];
  const newerFormat = typeof version === 'number' && version > SYNC_FORMAT;
  const settings = items[SETTINGS_KEY];
  if (settings !== undefined) doc.settings = stampedRecord(settings);
  for (const [key, value] of Object.entries(items)) {
    const kind = CHUNK_KEY.exec(key)?.[1];
    if (!kind) continue;
    const reason = kind === 'm' ? readMarks(value, doc) : readEntries(kind as 's' | 'o', value, doc);
    if (reason) problems.push({ key, reason });
  }
  return { doc, problems, newerFormat };
}
