import type { ReadingGroup } from './types';

/**
 * Where a group stands in the popup: 0 a series the reader is part-way through, 1 a series not
 * started yet, 2 everything else (a feed's standalone posts, a finished series shown with "Show read").
 */
export function groupTier(group: ReadingGroup): 0 | 1 | 2 {
  if (group.kind !== 'series' || !group.progress) return 2;
  const { read, total } = group.progress;
  if (read >= total) return 2;
  return read > 0 ? 0 : 1;
}

/**
 * The popup's order of groups: what a reader opens Partwise for first. Series in progress (the one
 * read most recently first), then new series, then the rest; inside a tier, newest unread post first.
 */
export function compareGroups(a: ReadingGroup, b: ReadingGroup): number {
  const tier = groupTier(a) - groupTier(b);
  if (tier !== 0) return tier;
  if (groupTier(a) === 0) {
    const read = (b.lastReadAt ?? 0) - (a.lastReadAt ?? 0);
    if (read !== 0) return read;
  }
  return b.newestUnreadAt - a.newestUnreadAt || a.name.localeCompare(b.name);
}

/** Returns the groups in the popup's order (see {@link compareGroups}); the input is not changed. */
export function orderGroups(groups: readonly ReadingGroup[]): ReadingGroup[] {
  return [...groups].sort(compareGroups);
}
