import { defineBackground } from 'wxt/utils/define-background';
import { registerLifecycle } from '@/lib/background/register-lifecycle';
import { registerMessageHandlers } from '@/lib/background/register-message-handlers';
import { registerNotificationClicks } from '@/lib/background/register-notification-clicks';
import { registerSync } from '@/lib/background/register-sync';

// Composition root: listeners are registered synchronously so a woken service worker sees its event.
export default defineBackground({
  type: 'module',
  main() {
    registerMessageHandlers();
    registerLifecycle();
    registerNotificationClicks();
    registerSync();
  },
});
