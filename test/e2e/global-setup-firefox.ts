import { buildE2eExtension } from './build-extension';

/** Builds the Firefox E2E flavour of the extension once before the Firefox browser tests. */
export default function setup(): void {
  if (process.env.PARTWISE_E2E_SKIP_BUILD === '1') return;
  buildE2eExtension('inherit', 'firefox');
}
