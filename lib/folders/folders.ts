import type { Subscription } from '../db';

/** The separator between nested OPML folder names when a folder is shown or typed as one name. */
export const FOLDER_SEPARATOR = ' / ';

/** A subscription's folder as the reader sees it: its OPML outline path ("Tech / Python"), '' for none. */
export function folderName(tags: readonly string[]): string {
  return tags.join(FOLDER_SEPARATOR);
}

/** The tags a typed folder name stores ("Tech / Python" → ["Tech", "Python"]); [] for no folder. */
export function folderTags(name: string | null | undefined): string[] {
  if (!name) return [];
  return name
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Compares names the way people count: "Blog 2" before "Blog 10", case and accents aside. */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** One folder of the options page's list. */
export interface FeedFolder {
  /** '' for feeds in no folder. */
  name: string;
  subscriptions: Subscription[];
}

/** The title a subscription is shown and sorted by. */
function shownTitle(subscription: Subscription): string {
  return subscription.customTitle ?? subscription.title;
}

/**
 * Subscriptions by folder, folders and feeds in natural order (feeds in no folder last), keeping those
 * whose title, address or folder contains `filter` (case-insensitive).
 */
export function foldersOf(subscriptions: readonly Subscription[], filter = ''): FeedFolder[] {
  const needle = filter.trim().toLowerCase();
  const folders = new Map<string, Subscription[]>();
  for (const subscription of subscriptions) {
    const folder = folderName(subscription.tags);
    if (needle && ![shownTitle(subscription), subscription.feedUrl, folder].some((text) => text.toLowerCase().includes(needle))) continue;
    const list = folders.get(folder);
    if (list) list.push(subscription);
    else folders.set(folder, [subscription]);
  }
  return [...folders]
    .map(([name, list]) => ({ name, subscriptions: list.sort((a, b) => naturalCompare(shownTitle(a), shownTitle(b))) }))
    .sort((a, b) => (a.name === '' ? 1 : 0) - (b.name === '' ? 1 : 0) || naturalCompare(a.name, b.name));
}

/**
 * The tags of a subscription after its folder `from` is renamed `to`: a feed in `from` (or in a folder
 * inside it) moves with it; any other feed keeps its tags (undefined: nothing to change).
 */
export function renamedFolderTags(tags: readonly string[], from: string, to: string): string[] | undefined {
  const old = folderTags(from);
  if (old.length === 0 || old.some((name, i) => tags[i] !== name)) return undefined;
  return [...folderTags(to), ...tags.slice(old.length)];
}
