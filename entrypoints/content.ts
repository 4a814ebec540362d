import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPageVisit } from '@/lib/content-scripts/report-page-visit';

// Registered at run time for subscribed sites only (see lib/content-scripts/sync-content-scripts.ts).
export default defineContentScript({
  registration: 'runtime',
  main() {
    void reportPageVisit(document, location.href);
  },
});
