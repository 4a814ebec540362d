import { browser } from 'wxt/browser';
import { unreadCount, type PartwiseDatabase } from '../db';

/** The badge text for an unread count: empty at zero, "999+" above 999. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Shows the library's unread count on the toolbar button. */
export async function updateBadge(db: PartwiseDatabase): Promise<number> {
  const count = await unreadCount(db);
  await browser.action.setBadgeText({ text: badgeText(count) });
  await browser.action.setBadgeBackgroundColor({ color: '#2f5bd3' });
  return count;
}
