import { describe, expect, it } from 'vitest';
import type { SkippedEntry, UnreadableItem } from './encode';
import { emptyDoc, type SyncDoc } from './sync-doc';
import { describePending, skippedEntryText, unreadableItemText } from './sync-messages';

/** A pending document with these many follows, unfollows, marks, corrected series and settings. */
function pending(follows: number, unfollows: number, marks: number, overrides: number, settings: number): SyncDoc {
  const doc = emptyDoc();
  for (let i = 0; i < follows; i++) doc.subscriptions[`https://f${i}.test/feed`] = { added: 1, fields: {} };
  for (let i = 0; i < unfollows; i++) doc.subscriptions[`https://u${i}.test/feed`] = { added: 1, fields: {}, deleted: 2 };
  for (let i = 0; i < marks; i++) doc.marks[`m${i}`] = { read: true, stamp: 1 };
  for (let i = 0; i < overrides; i++) doc.overrides[`https://f.test/feed\ns${i}`] = [];
  for (let i = 0; i < settings; i++) doc.settings[`setting${i}`] = [true, 1];
  return doc;
}

describe('sync messages', () => {
  it.each<[SyncDoc, string[]]>([
    [emptyDoc(), []],
    [pending(1, 0, 10, 0, 0), ['1 subscription change', '10 read marks']],
    [pending(2, 1, 1, 1, 1), ['2 subscription changes', '1 unsubscribe', '1 read mark', 'series corrections of 1 series', '1 setting']],
    [pending(0, 2, 0, 3, 2), ['2 unsubscribes', 'series corrections of 3 series', '2 settings']],
    [pending(0, 0, 1_500, 0, 0), [`${(1_500).toLocaleString()} read marks`]],
  ])('describes what waits to be sent: %#', (doc, expected) => {
    expect(describePending(doc)).toEqual(expected);
  });

  it.each<[SkippedEntry, string]>([
    [{ kind: 'subscription', url: 'https://big.test/feed' }, 'https://big.test/feed'],
    [{ kind: 'overrides', url: 'https://big.test/feed' }, 'series overrides of https://big.test/feed'],
  ])('names an entry too large to sync: %j', (entry, expected) => {
    expect(skippedEntryText(entry)).toBe(expected);
  });

  it.each<[UnreadableItem, string]>([
    [{ key: 'm0', reason: 'not-text' }, 'Synced item “m0” was skipped: it is not text.'],
    [{ key: 's0', reason: 'not-a-list' }, 'Synced item “s0” was skipped: it is not a list.'],
    [{ key: 's1', reason: 'bad-subscription' }, 'Synced item “s1” was skipped: a subscription entry is malformed.'],
    [{ key: 'o0', reason: 'bad-overrides' }, 'Synced item “o0” was skipped: an overrides entry is malformed.'],
    [{ key: 'm2', reason: 'bad-marks' }, 'Synced item “m2” was skipped: its read marks are cut short or damaged.'],
  ])('says why a synced item was skipped: %j', (item, expected) => {
    expect(unreadableItemText(item)).toBe(expected);
  });
});
