import { execFileSync } from 'node:child_process';
import { repoRoot } from '../shared-corpus';

/** Builds the E2E flavour of the extension once before the browser tests. */
export default function setup(): void {
  if (process.env.PARTWISE_E2E_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: repoRoot, stdio: 'inherit' });
}
