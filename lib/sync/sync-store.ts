import { browser } from 'wxt/browser';
import { emptyDoc, type SyncDoc } from './sync-doc';

/** What the options page shows about sync; kept in storage.local. */
export interface SyncStatus {
  /** When this browser last wrote its changes to storage.sync. */
  lastSentAt?: number;
  /** When this browser last applied changes from another device. */
  lastReceivedAt?: number;
  /** Quota bytes the synced items use. */
  bytesInUse?: number;
  /** Read marks left out of the synced set for lack of room (they stay read here). */
  droppedMarks?: number;
  /** The last failure to send, and what is still waiting to be sent. */
  failure?: { at: number; message: string; unsynced: string[] };
  /** Problems reading what another device wrote. */
  problems?: string[];
}

/** Bookkeeping keys in storage.local (never synced, never in the library). */
export const SYNC_KEYS = {
  enabled: 'partwise:sync:enabled',
  pending: 'partwise:sync:pending',
  status: 'partwise:sync:status',
  applied: 'partwise:sync:applied',
  writes: 'partwise:sync:writes',
  mine: 'partwise:sync:mine',
  seeded: 'partwise:sync:seeded',
} as const;

type Key = (typeof SYNC_KEYS)[keyof typeof SYNC_KEYS];

async function read<T>(key: Key, fallback: T): Promise<T> {
  const stored = await browser.storage.local.get(key);
  return (stored[key] as T | undefined) ?? fallback;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` after every earlier one of this worker: read-modify-write of the bookkeeping never
 * interleaves. Only the order lives in memory; the state itself is in storage.local.
 */
export function withSyncLock<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Whether sync is on (the default until the user turns it off). */
export async function isSyncEnabled(): Promise<boolean> {
  return (await read<boolean>(SYNC_KEYS.enabled, true)) !== false;
}

/** Turns sync on or off; nothing else is touched. */
export async function setSyncEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.enabled]: enabled });
}

/** Whether this browser's library was recorded for sync once (at install, or the update that brought sync). */
export async function wasSeeded(): Promise<boolean> {
  return read<boolean>(SYNC_KEYS.seeded, false);
}

/** Remembers that the library was recorded once. */
export async function markSeeded(): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.seeded]: true });
}

/** Local changes not yet sent. */
export async function readPending(): Promise<SyncDoc> {
  return { ...emptyDoc(), ...(await read<Partial<SyncDoc>>(SYNC_KEYS.pending, {})) };
}

/** Stores the local changes not yet sent. */
export async function writePending(doc: SyncDoc): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.pending]: doc });
}

/** The sync status for the options page. */
export async function readStatus(): Promise<SyncStatus> {
  return read<SyncStatus>(SYNC_KEYS.status, {});
}

/** Updates the status: keys set to undefined are removed. */
export async function patchStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const next: Record<string, unknown> = { ...(await readStatus()) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  await browser.storage.local.set({ [SYNC_KEYS.status]: next });
  return next as SyncStatus;
}

/** Per synced subscription URL, the subscribe (stamp) this browser already applied. */
export async function readApplied(): Promise<Record<string, number>> {
  return read<Record<string, number>>(SYNC_KEYS.applied, {});
}

/** Stores the applied subscribes. */
export async function writeApplied(applied: Record<string, number>): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.applied]: applied });
}

/** Times (epoch ms) of this browser's recent write operations to storage.sync. */
export async function readWriteLog(): Promise<number[]> {
  return read<number[]>(SYNC_KEYS.writes, []);
}

/** Stores the write log. */
export async function writeWriteLog(log: number[]): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.writes]: log });
}

/** JSON of each item as this browser last wrote it, to tell its own echo from another device's change. */
export async function readMine(): Promise<Record<string, string>> {
  return read<Record<string, string>>(SYNC_KEYS.mine, {});
}

/** Stores what this browser wrote. */
export async function writeMine(mine: Record<string, string>): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.mine]: mine });
}
