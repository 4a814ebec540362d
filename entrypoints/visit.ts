import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { trackVisit } from '@/lib/content-scripts/track-visit';

// The content script, registered at run time for subscribed sites only (lib/content-scripts/sync-content-scripts.ts).
// An unlisted script, not a WXT content script, so it ships without the browser polyfill and stays tiny.
export default defineUnlistedScript(() => {
  trackVisit(document, location.href).catch((error: unknown) => console.debug('Partwise: this visit was not recorded', error));
});
