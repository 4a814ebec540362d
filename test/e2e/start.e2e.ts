import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../../scripts/start-chromium';
import type { StartedBrowser } from '../../scripts/started-browser';
import { SAMPLE_FEED_PATHS, sampleSiteOptions } from '../fixtures/sample-site';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { repoRoot } from '../shared-corpus';
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

// What a newcomer reads while `npm start` builds: nothing that looks like a problem.
describe('the build', () => {
  it('prints no warning or error', () => {
    const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(build.status).toBe(0);
    // eslint-disable-next-line no-control-regex -- the build colours its output with ANSI escapes
    const lines = `${build.stdout}${build.stderr}`.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split(/[\r\n]+/);
    expect(lines.filter((line) => /warn|error|can't|cannot|deprecat/i.test(line))).toEqual([]);
  });
});
