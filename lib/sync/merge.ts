import { TOMBSTONE_DAYS, type ReadMark, type Stamped, type SyncDoc, type SyncedSubscription } from './sync-doc';

// Ties between equal stamps are broken on the values themselves, so every device picks the same winner.
function newer(a: Stamped, b: Stamped): Stamped {
  if (a[1] !== b[1]) return a[1] > b[1] ? a : b;
  return JSON.stringify(a[0]) >= JSON.stringify(b[0]) ? a : b;
}

function mergeFields(a: Record<string, Stamped>, b: Record<string, Stamped>): Record<string, Stamped> {
  const out: Record<string, Stamped> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const mine = out[name];
    out[name] = mine ? newer(mine, value) : value;
  }
  return out;
}

function mergeSubscription(a: SyncedSubscription, b: SyncedSubscription): SyncedSubscription {
  const out: SyncedSubscription = { added: Math.max(a.added, b.added), fields: mergeFields(a.fields, b.fields) };
  const deleted = Math.max(a.deleted ?? -1, b.deleted ?? -1);
  if (deleted >= 0) {
    out.deleted = deleted;
    // The newest unsubscribe says whether posts were kept; on a tie, keeping is the safer reading.
    const keep = [a, b].filter((s) => s.deleted === deleted).some((s) => s.keepPosts === true);
    if (keep) out.keepPosts = true;
  }
  return out;
}

// "Unread again" is a newer change: it wins over a read at an older stamp, and on the same second too.
function mergeMark(a: ReadMark, b: ReadMark): ReadMark {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  return a.read ? b : a;
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, join: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : join(mine, value);
  }
  return out;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * Merges two copies of the synced document: subscriptions and settings field by field (newest change
 * wins, tombstones included), series overrides and read marks as unions (a mark's newest change wins).
 * Pure, commutative, associative and idempotent, so copies arriving in any order, or twice, agree.
 */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  return {
    subscriptions: mergeRecords(a.subscriptions, b.subscriptions, mergeSubscription),
    overrides: mergeRecords(a.overrides, b.overrides, union),
    settings: mergeRecords(a.settings, b.settings, newer),
    marks: mergeRecords(a.marks, b.marks, mergeMark),
  };
}

/** The document without tombstones older than TOMBSTONE_DAYS (of subscriptions that stayed unsubscribed). */
export function dropExpiredTombstones(doc: SyncDoc, nowStamp: number): SyncDoc {
  const cutoff = nowStamp - TOMBSTONE_DAYS * 86_400;
  const subscriptions: SyncDoc['subscriptions'] = {};
  for (const [url, subscription] of Object.entries(doc.subscriptions)) {
    const dead = subscription.deleted !== undefined && subscription.deleted >= subscription.added;
    if (dead && subscription.deleted! < cutoff) continue;
    subscriptions[url] = subscription;
  }
  const overrides = Object.fromEntries(Object.entries(doc.overrides).filter(([key]) => key.split('\n')[0]! in subscriptions));
  return { ...doc, subscriptions, overrides };
}

// JSON with every object's keys sorted: two documents that hold the same values compare equal.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** Whether `base` already holds everything `extra` says: merging it in would change nothing. */
export function docCovers(base: SyncDoc, extra: SyncDoc): boolean {
  // Merged with itself, `base` takes the shape a merge gives (sorted unions, rebuilt records).
  const normal = mergeDocs(base, base);
  return canonicalJson(mergeDocs(normal, extra)) === canonicalJson(normal);
}
