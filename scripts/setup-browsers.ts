// `tsx scripts/setup-browsers.ts [chromium] [firefox]`: finds (or, as root on Debian/Ubuntu, installs) the
// browsers the browser tests drive, printing each path; without arguments, those the test suite uses.
import { BrowserSetupError, ensureBrowser, type BrowserName } from './browsers';
import { E2E_BROWSERS } from '../test/e2e/global-setup';

const names = process.argv.slice(2);
const unknown = names.filter((name) => name !== 'chromium' && name !== 'firefox');
if (unknown.length > 0) {
  console.error(`Unknown browser ${unknown.join(', ')}: use chromium or firefox.`);
  process.exit(2);
}
try {
  for (const name of names.length > 0 ? (names as BrowserName[]) : E2E_BROWSERS) console.log(`${name}: ${ensureBrowser(name)}`);
} catch (error) {
  if (!(error instanceof BrowserSetupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
