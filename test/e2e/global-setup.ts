import { ensureBrowser, type BrowserName } from '../../scripts/browsers';
import { buildE2eExtension } from './build-extension';

/** The browsers the browser tests drive (the setup step makes sure each is there). */
export const E2E_BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Finds (or installs, see scripts/browsers.ts) Chromium, then builds the E2E flavour once before the Chromium browser tests. */
export default function setup(): void {
  ensureBrowser('chromium');
  if (process.env.PARTWISE_E2E_SKIP_BUILD === '1') return;
  buildE2eExtension();
}
