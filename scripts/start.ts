// `npm start`: builds Partwise, serves the sample blogs on 127.0.0.1 and opens Chromium with the
// extension loaded and the samples subscribed, so a newcomer sees it working offline.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildE2eExtension } from '../test/e2e/build-extension';
import { CHROMIUM_FLAGS, E2E_BUILD_DIR, chromiumPath } from '../test/e2e/harness';
import { routeSeedFeed, sampleSiteOptions, SAMPLE_FEED_PATHS, SEED_FEED_PATH } from '../test/fixtures/sample-site';
import { callBackground } from '../test/e2e/extension-state';
import { startFixtureServer } from '../test/fixtures/server';

const port = Number(process.env.PARTWISE_PORT ?? 8787);

async function main(): Promise<void> {
  // The E2E flavour may read loopback feeds without a permission prompt; everything else is the real build.
  buildE2eExtension();
  const server = await startFixtureServer(sampleSiteOptions(port));
  const seeded = await routeSeedFeed(server);
  console.log(`Sample blogs: ${server.url('/site/')}${seeded ? ' (and the seed feed)' : ''}`);

  const headless = !process.env.DISPLAY && process.env.PARTWISE_HEADLESS !== '0';
  const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'partwise-start-')), {
    executablePath: chromiumPath(),
    headless,
    viewport: null,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${E2E_BUILD_DIR}`, `--load-extension=${E2E_BUILD_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const feeds = [...SAMPLE_FEED_PATHS, ...(seeded ? [SEED_FEED_PATH] : [])];
  for (const path of feeds) {
    const result = await callBackground<{ kind: string; title?: string }>(options, 'subscribe', { url: server.url(path) });
    console.log(`Subscribed to ${result.title ?? path}`);
  }
  const site = await context.newPage();
  await site.goto(server.url('/site/'));
  console.log(`Partwise is loaded (extension id ${extensionId}).`);
  if (headless) console.log('No display found, so Chromium runs headless; set DISPLAY to see the window.');
  console.log('Close the browser or press Ctrl+C to stop.');

  const stop = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

await main();
