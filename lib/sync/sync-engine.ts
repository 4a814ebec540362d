import { browser } from 'wxt/browser';
import type { PartwiseDatabase } from '../db';
import { t } from '../i18n/t';
import { applySyncDoc, type ApplyResult } from './apply-doc';
import { applyReadMarks, libraryHashes } from './apply-read-marks';
import { decodeItems, encodeDoc, itemsBytes, type SyncItems } from './encode';
import { isOwnEcho, lostWrites, type SyncChanges } from './lost-writes';
import { dropExpiredTombstones, mergeDocs } from './merge';
import { scheduleSyncFlush, SYNC_ALARM } from './schedule-flush';
import { emptyDoc, isEmptyDoc, toStamp, type SyncDoc } from './sync-doc';
import { describePending, skippedEntryText, unreadableItemText } from './sync-messages';
import { isSyncEnabled, patchStatus, readMine, readPending, readWriteLog, withSyncLock, writeMine, writePending, writeWriteLog } from './sync-store';
import { nextWriteAt, recentWrites } from './write-budget';

/** What the background does after the library changed because of sync (fetch new feeds, badge, popup). */
export type AfterApply = (result: ApplyResult) => Promise<void>;

/** After a failed write, when to try again: a rate limit clears within the hour, anything else sooner. */
const RETRY_MS = { rate: 10 * 60_000, other: 5 * 60_000 } as const;

async function readRemote(): Promise<{ items: SyncItems; decoded: ReturnType<typeof decodeItems> }> {
  const items = (await browser.storage.sync.get(null)) as SyncItems;
  return { items, decoded: decodeItems(items) };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The synced document as this browser sees it: what storage.sync holds merged with what is not sent yet. */
export async function currentSyncDoc(): Promise<SyncDoc> {
  const [{ decoded }, pending] = await Promise.all([readRemote(), readPending()]);
  return mergeDocs(decoded.doc, pending);
}

/**
 * Sends pending local changes: merges them into what storage.sync holds, writes only the items that
 * changed (one set and at most one remove), within the write budget, then applies the merged copy here.
 * A quota or rate error keeps every pending change (nothing local is lost), records what did not sync,
 * and retries by alarm.
 */
export async function flushSync(db: PartwiseDatabase, now: number, afterApply: AfterApply): Promise<void> {
  const result = await withSyncLock(async (): Promise<ApplyResult | undefined> => {
    if (!(await isSyncEnabled())) return undefined;
    // This send covers what the alarm was for; a deferral or retry below sets a new one.
    await browser.alarms.clear(SYNC_ALARM);
    const [{ items, decoded }, pending] = await Promise.all([readRemote(), readPending()]);
    if (decoded.newerFormat) {
      await patchStatus({ failure: { at: now, message: t('syncFailureNewerFormat'), unsynced: describePending(pending) } });
      return undefined;
    }
    const merged = dropExpiredTombstones(mergeDocs(decoded.doc, pending), toStamp(now));
    const inLibrary = await libraryHashes(db);
    const encoded = encodeDoc(merged, { isInLibrary: (hash) => inLibrary.has(hash) });
    const changed = Object.fromEntries(Object.entries(encoded.items).filter(([key, value]) => JSON.stringify(items[key]) !== JSON.stringify(value)));
    const removed = Object.keys(items).filter((key) => !(key in encoded.items));
    const ops = (Object.keys(changed).length > 0 ? 1 : 0) + (removed.length > 0 ? 1 : 0);
    const log = await readWriteLog();
    const allowedAt = nextWriteAt(log, now, ops);
    if (allowedAt > now) {
      await scheduleSyncFlush(now, allowedAt);
      return undefined;
    }
    try {
      if (Object.keys(changed).length > 0) await browser.storage.sync.set(changed);
      if (removed.length > 0) await browser.storage.sync.remove(removed);
    } catch (error) {
      const message = errorText(error);
      await patchStatus({ failure: { at: now, message: t('syncFailureNotSent', message), unsynced: describePending(pending) } });
      await scheduleSyncFlush(now, now + (/MAX_WRITE_OPERATIONS/i.test(message) ? RETRY_MS.rate : RETRY_MS.other));
      return undefined;
    }
    await writeWriteLog([...recentWrites(log, now), ...Array<number>(ops).fill(now)]);
    await writeMine(Object.fromEntries(Object.entries(encoded.items).map(([key, value]) => [key, JSON.stringify(value)])));
    // Changes recorded while this send ran stay pending (merging them again is harmless) and go next time.
    const after = await readPending();
    if (JSON.stringify(after) === JSON.stringify(pending)) await writePending(emptyDoc());
    else await scheduleSyncFlush(now);
    await patchStatus({
      ...(ops > 0 ? { lastSentAt: now } : {}),
      bytesInUse: encoded.bytes,
      droppedMarks: encoded.droppedMarks,
      failure: encoded.skipped.length > 0 ? { at: now, message: t('syncFailureTooLarge'), unsynced: encoded.skipped.map(skippedEntryText) } : undefined,
      problems: decoded.problems.length > 0 ? decoded.problems.map(unreadableItemText) : undefined,
    });
    return applySyncDoc(db, merged, now);
  });
  if (result) await afterApply(result);
}

/**
 * Applies what another device wrote to storage.sync (merged with changes not sent yet, so nothing local
 * is undone). `changes` is the storage.onChanged payload; without it (start-up) the whole copy is applied.
 * What a race of two writes left out of storage.sync (see lostWrites) joins the pending changes and is sent again.
 */
export async function receiveSync(db: PartwiseDatabase, now: number, afterApply: AfterApply, changes?: SyncChanges): Promise<void> {
  const result = await withSyncLock(async (): Promise<ApplyResult | undefined> => {
    if (!(await isSyncEnabled())) return undefined;
    const mine = await readMine();
    if (changes && isOwnEcho(changes, mine)) return undefined;
    const [{ items, decoded }, stored] = await Promise.all([readRemote(), readPending()]);
    const lost = changes ? lostWrites(changes, items, mine, decoded.doc) : emptyDoc();
    const pending = isEmptyDoc(lost) ? stored : mergeDocs(stored, lost);
    if (pending !== stored) {
      await writePending(pending);
      await scheduleSyncFlush(now);
    }
    const applied = await applySyncDoc(db, mergeDocs(decoded.doc, pending), now);
    const problems = [...decoded.problems.map(unreadableItemText), ...applied.ignored];
    await patchStatus({ ...(changes ? { lastReceivedAt: now } : {}), problems: problems.length > 0 ? problems : undefined, bytesInUse: itemsBytes(items) });
    return applied;
  });
  if (result) await afterApply(result);
}

/** Applies synced read marks to posts that just arrived (after a refresh). */
export async function applySyncedReadMarks(db: PartwiseDatabase): Promise<number[]> {
  if (!(await isSyncEnabled())) return [];
  return applyReadMarks(db, (await currentSyncDoc()).marks);
}
