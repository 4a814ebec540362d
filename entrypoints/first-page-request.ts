import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { requestFirstPage } from '@/lib/reading-list/request-first-page';

// A classic script at the top of the popup's page: it asks for the stored first page before the
// popup's modules have loaded, so the storage read and the module loading overlap.
export default defineUnlistedScript(() => {
  requestFirstPage(window);
});
