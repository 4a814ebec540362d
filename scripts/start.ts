// `npm start` (`npm start -- --firefox` for Firefox ESR): builds Partwise, serves the sample blogs on
// 127.0.0.1 and opens the browser with the extension loaded and the samples subscribed, so a newcomer sees
// it working offline. The browser is found, or installed, by the same setup step as the browser tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildE2eExtension } from '../test/e2e/build-extension';
import { routeSeedFeed, sampleSiteOptions, SAMPLE_FEED_PATHS, SEED_FEED_PATH } from '../test/fixtures/sample-site';
import { startFixtureServer, type FixtureServer } from '../test/fixtures/server';
import { repoRoot } from '../test/shared-corpus';
import { BrowserSetupError, ensureBrowser, type BrowserName } from './browsers';
import { startChromium } from './start-chromium';
import { startFirefox } from './start-firefox';
import { runsHeadless, type StartedBrowser, type StartOptions } from './started-browser';

const port = Number(process.env.PARTWISE_PORT ?? 8787);
const browserName: BrowserName = process.argv.slice(2).includes('--firefox') ? 'firefox' : 'chromium';
/** Where a headless run leaves its picture of the popup. */
const POPUP_SCREENSHOT = resolve(repoRoot, '.output/partwise-popup.png');

/** Builds the extension for the chosen browser and opens it there. */
async function openBrowser(options: StartOptions): Promise<StartedBrowser> {
  // The E2E flavour may read loopback feeds without a permission prompt; everything else is the real build.
  if (browserName === 'firefox') {
    buildE2eExtension('inherit', 'firefox');
    return startFirefox(options, resolve(repoRoot, '.output/firefox-mv3-e2e'));
  }
  buildE2eExtension();
  return startChromium(options);
}

/** Subscribes the browser to the sample feeds (and the seed feed when `../shared` is there). */
async function subscribeSamples(browser: StartedBrowser, server: FixtureServer, seeded: boolean): Promise<void> {
  for (const path of [...SAMPLE_FEED_PATHS, ...(seeded ? [SEED_FEED_PATH] : [])]) {
    const result = await browser.callBackground<{ kind: string; title?: string }>('subscribe', { url: server.url(path) });
    console.log(`Subscribed to ${result.title ?? path}`);
  }
}

async function main(): Promise<void> {
  let executablePath: string;
  try {
    executablePath = ensureBrowser(browserName);
  } catch (error) {
    if (!(error instanceof BrowserSetupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const headless = runsHeadless(process.env, process.platform);
  const profile = await mkdtemp(join(tmpdir(), 'partwise-start-'));
  let server: FixtureServer | undefined;
  let browser: StartedBrowser | undefined;
  let stopping = false;
  // Every way out (Ctrl+C, SIGTERM, a closed terminal, the browser closed, a failed start) closes everything and removes the profile.
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await browser?.close().catch((error: unknown) => console.error(`Closing the browser: ${String(error)}`));
    await server?.close();
    await rm(profile, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  try {
    server = await startFixtureServer(sampleSiteOptions(port));
    const seeded = await routeSeedFeed(server);
    console.log(`Sample blogs: ${server.url('/site/')}${seeded ? ' (and the seed feed)' : ''}`);
    browser = await openBrowser({ executablePath, profile, headless });
    browser.onClosed(() => {
      if (!stopping) console.log('The browser was closed; stopping.');
      void stop(0);
    });
    await subscribeSamples(browser, server, seeded);
    await browser.showSite(server.url('/site/'));
    console.log(`Partwise is loaded in ${browser.label} (extension id ${browser.extensionId}).`);
    if (!browser.pinned) console.log("Partwise's button is in the browser's Extensions menu (the puzzle piece); pin it from there.");
    if (headless) {
      await browser.screenshotPopup(POPUP_SCREENSHOT);
      console.log(`No display found, so ${browser.label} runs headless; set DISPLAY to see the window.`);
      console.log(`The popup, with the sample blogs' series: ${POPUP_SCREENSHOT}`);
      console.log('Press Ctrl+C to stop.');
    } else {
      console.log('Close the browser or press Ctrl+C to stop.');
    }
  } catch (error) {
    console.error('npm start failed:', error);
    await stop(1);
  }
}

await main();
