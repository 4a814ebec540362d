/**
 * Sync's facts in words, for the status the options page shows. encode.ts holds only facts (it also
 * runs in node scripts), so this is the one place a skipped entry or an unreadable item becomes words.
 */
import { t, tCount, type MessageKey } from '../i18n/t';
import type { SkippedEntry, UnreadableItem, UnreadableReason } from './encode';
import { isAlive, type SyncDoc } from './sync-doc';

const UNREADABLE_KEYS: Record<UnreadableReason, MessageKey> = {
  'not-text': 'syncItemNotText',
  'not-a-list': 'syncItemNotList',
  'bad-subscription': 'syncItemBadSubscription',
  'bad-overrides': 'syncItemBadOverrides',
  'bad-marks': 'syncItemBadMarks',
};

/** In words, what the pending document still holds (shown when a send failed). */
export function describePending(doc: SyncDoc): string[] {
  const subscriptions = Object.values(doc.subscriptions);
  const follows = subscriptions.filter(isAlive).length;
  const counts = [
    ['syncPendingFollows', follows],
    ['syncPendingUnfollows', subscriptions.length - follows],
    ['syncPendingMarks', Object.keys(doc.marks).length],
    ['syncPendingOverrides', Object.keys(doc.overrides).length],
    ['syncPendingSettings', Object.keys(doc.settings).length],
  ] as const;
  return counts.filter(([, count]) => count > 0).map(([key, count]) => tCount(key, count));
}

/** An entry too large to sync, as named in the list of what is not synced yet. */
export function skippedEntryText(entry: SkippedEntry): string {
  return entry.kind === 'subscription' ? entry.url : t('syncSkippedOverrides', entry.url);
}

/** A sentence about a synced item that could not be read. */
export function unreadableItemText(item: UnreadableItem): string {
  return t('syncItemSkipped', item.key, t(UNREADABLE_KEYS[item.reason]));
}
