import { ensureBrowser } from '../../scripts/browsers';
import { buildE2eExtension } from './build-extension';

/** Finds (or installs) Firefox ESR, then builds the Firefox E2E flavour once before the Firefox browser tests. */
export default function setup(): void {
  ensureBrowser('firefox');
  if (process.env.PARTWISE_E2E_SKIP_BUILD === '1') return;
  buildE2eExtension('inherit', 'firefox');
}
