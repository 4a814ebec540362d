import { execFileSync } from 'node:child_process';
import { repoRoot } from '../shared-corpus';

/**
 * Builds the E2E flavour of the extension (loopback host access) into `.output/chrome-mv3-e2e`, or
 * `.output/firefox-mv3-e2e` for Firefox. It is a production build otherwise: a mode other than
 * "production" would get development JSX and checks, so tests and benchmarks would not run the code that ships.
 */
export function buildE2eExtension(output: 'inherit' | 'ignore' = 'inherit', browser: 'chrome' | 'firefox' = 'chrome'): void {
  const target = browser === 'firefox' ? ['-b', 'firefox'] : [];
  execFileSync('npx', ['wxt', 'build', ...target, '--mode', 'e2e'], { cwd: repoRoot, stdio: output, env: { ...process.env, NODE_ENV: 'production' } });
}
