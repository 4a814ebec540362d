import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../../scripts/start-chromium';
import type { StartedBrowser } from '../../scripts/started-browser';
import { SAMPLE_FEED_PATHS, sampleSiteOptions } from '../fixtures/sample-site';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { chromiumPath } from './harness';

// `npm start`'s Chromium: what the newcomer sees once the samples are subscribed.
describe('npm start in Chromium', () => {
  let server: FixtureServer;
  let profile: string;
  let browser: StartedBrowser;

  beforeAll(async () => {
    server = await startFixtureServer(sampleSiteOptions());
    profile = await mkdtemp(join(tmpdir(), 'partwise-start-e2e-'));
    browser = await startChromium({ executablePath: chromiumPath(), profile, headless: true });
    for (const path of SAMPLE_FEED_PATHS) await browser.callBackground('subscribe', { url: server.url(path) });
    await browser.showSite(server.url('/site/'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it("pins Partwise's button to the toolbar", () => {
    expect(browser.pinned).toBe(true);
  });

  it('leaves the sample site as the only tab, with no about:blank behind it', async () => {
    expect(await browser.tabs()).toEqual([server.url('/site/')]);
  });

  it("writes a picture of the popup showing the samples' series", async () => {
    const path = join(profile, 'popup.png');
    await browser.screenshotPopup(path);
    const png = await readFile(path);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
