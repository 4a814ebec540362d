import { decodeItems, type SyncItems } from './encode';
import { docCovers, mergeDocs } from './merge';
import { emptyDoc, isEmptyDoc, type SyncDoc } from './sync-doc';

/** A storage.onChanged payload for the sync area. */
export type SyncChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

// Whether a storage value is the one this JSON was written from (both absent counts as the same).
const same = (value: unknown, json: string | undefined): boolean => JSON.stringify(value) === json;

/** Whether a change event only echoes this browser's own last write (`mine`: item key to its JSON). */
export function isOwnEcho(changes: SyncChanges, mine: Record<string, string>): boolean {
  return Object.entries(changes).every(([key, change]) => same(change.newValue, mine[key]));
}

// Another device's values that a later write replaced: a send of this browser that read storage.sync
// before they landed and wrote after.
function overwrittenTheirs(changes: SyncChanges, items: SyncItems): SyncItems {
  const entries = Object.entries(changes).filter(([key, change]) => change.newValue !== undefined && !same(change.newValue, JSON.stringify(items[key])));
  return Object.fromEntries(entries.map(([key, change]) => [key, change.newValue]));
}

// This browser's own last write of an item that another device's write replaced (the sync server
// keeps one copy of an item when two devices write it at about the same time).
function replacedMine(changes: SyncChanges, mine: Record<string, string>): SyncItems {
  const entries = Object.entries(changes).filter(([key, change]) => change.oldValue !== undefined && same(change.oldValue, mine[key]) && !same(change.newValue, mine[key]));
  return Object.fromEntries(entries.map(([key, change]) => [key, change.oldValue]));
}

/**
 * What storage.sync lost in a race and must be sent again, given a change event, what storage.sync holds
 * now (`items`, decoded as `remote`) and this browser's last write (`mine`). storage.sync has no
 * compare-and-set, so a write can replace another that its writer never saw; the event still carries both
 * sides. Empty when `remote` already holds all of it (a copy that was only superseded). Read marks of this
 * browser's own replaced write are left out: near the quota each device drops different marks, and sending
 * them back would have the devices rewrite each other's choice without end.
 */
export function lostWrites(changes: SyncChanges, items: SyncItems, mine: Record<string, string>, remote: SyncDoc): SyncDoc {
  // Unreadable values are left out: what storage.sync holds now is what gets reported.
  const theirs = decodeItems(overwrittenTheirs(changes, items)).doc;
  const ours = { ...decodeItems(replacedMine(changes, mine)).doc, marks: {} };
  const lost = mergeDocs(theirs, ours);
  // The usual event replaced nothing: skip comparing the whole document.
  return isEmptyDoc(lost) || docCovers(remote, lost) ? emptyDoc() : lost;
}
