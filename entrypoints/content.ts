import { defineContentScript } from 'wxt/utils/define-content-script';
import { trackVisit } from '@/lib/content-scripts/track-visit';

// Registered at run time for subscribed sites only (see lib/content-scripts/sync-content-scripts.ts).
export default defineContentScript({
  registration: 'runtime',
  main() {
    trackVisit(document, location.href).catch((error: unknown) => console.debug('Partwise: this visit was not recorded', error));
  },
});
