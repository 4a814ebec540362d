import type { ReadingGroup } from './types';

/** Posts that fill the popup's first screen (600 px high) with room to spare. */
export const FIRST_SCREEN_POSTS = 20;

/**
 * The leading groups that hold at least `posts` posts between them (all groups when they hold
 * fewer): what the first paint needs, since the app renders the rest a moment later.
 */
export function firstScreen(groups: readonly ReadingGroup[], posts = FIRST_SCREEN_POSTS): ReadingGroup[] {
  const shown: ReadingGroup[] = [];
  let count = 0;
  for (const group of groups) {
    if (count >= posts) break;
    shown.push(group);
    count += group.posts.length;
  }
  return shown;
}
