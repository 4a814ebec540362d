import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { shareFirstPage } from '@/lib/reading-list/share-first-page';
import { paintFirstPage } from './popup/paint-first-page';

// A classic script at the top of the popup's page, bundled with its own copy of Preact and the list's
// views: it reads and paints the stored first page while the app's modules are still loading.
export default defineUnlistedScript(() => {
  shareFirstPage(window, paintFirstPage(document));
});
