import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/lib/background/register-message-handlers';

// Composition root: listeners are registered synchronously so a woken service worker sees its event.
export default defineBackground({
  type: 'module',
  main() {
    registerMessageHandlers();
  },
});
