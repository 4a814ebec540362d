// Regenerates the README screenshot (docs/popup.png): the popup over the sample blogs, in headless Chromium.
import { resolve } from 'node:path';
import { callBackground } from '../test/e2e/extension-state';
import { launchExtension } from '../test/e2e/harness';
import { SAMPLE_FEED_PATHS, articlePage } from '../test/fixtures/sample-site';
import { repoRoot } from '../test/shared-corpus';

const harness = await launchExtension({ server: { ...{ staticDir: resolve(repoRoot, 'test/fixtures') }, fallback: articlePage } });
try {
  const options = await harness.openOptions();
  for (const path of SAMPLE_FEED_PATHS) await callBackground(options, 'subscribe', { url: harness.server.url(path) });
  const popup = await harness.newTab(harness.extensionUrl('popup.html'));
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.locator('section.group').first().waitFor();
  await popup.screenshot({ path: resolve(repoRoot, 'docs/popup.png') });
} finally {
  await harness.close();
}
