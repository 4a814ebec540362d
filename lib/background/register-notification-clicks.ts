import { browser } from 'wxt/browser';
import { database } from '../db';
import { postIdFromNotification } from '../refresh/notify';
import { afterPostsChange } from './after-change';
import { openPost } from './open-post';

/** A click on a new-post notification opens the post and marks it read. */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    const postId = postIdFromNotification(notificationId);
    if (postId === undefined) return;
    void openPost(database(), postId, false, Date.now())
      .then(() => afterPostsChange(database()))
      .then(() => browser.notifications.clear(notificationId))
      .catch((error: unknown) => console.error('Partwise: opening a notified post failed', error));
  });
}
