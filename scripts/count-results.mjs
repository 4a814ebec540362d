// Sums the Vitest JSON reports of the unit and browser runs (Chromium and Firefox) into CI's closing line.
// A step that failed before any test ran (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', 'test-results/e2e.json', 'test-results/e2e-firefox.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  console.log(`${file}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed`);
  // A file that failed to load has no failed tests but must still fail CI.
  if ((report.numFailedTests ?? 0) === 0 && (report.numFailedTestSuites ?? 0) > 0) failed += report.numFailedTestSuites;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
