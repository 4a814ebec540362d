import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { BrowserSetupError, findBrowser, localSystem, missingBrowserLine } from '../../scripts/browsers';
import { startFixtureServer, type FixtureServer, type FixtureServerOptions } from '../fixtures/server';
import { repoRoot } from '../shared-corpus';

/** Folder of the E2E build (`wxt build --mode e2e`). */
export const E2E_BUILD_DIR = resolve(repoRoot, '.output/chrome-mv3-e2e');

/** Flags that make headless Chromium quiet and offline-friendly on this machine. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
];

/** The path of the Chromium to drive, found by the one browser finder (`$CHROME_PATH`, then the usual places). */
export function chromiumPath(): string {
  const path = findBrowser('chromium');
  if (!path) throw new BrowserSetupError(missingBrowserLine('chromium', localSystem()));
  return path;
}

/** Everything a browser test needs: the extension's contexts, fresh tabs and the fixture server. */
export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** The running service worker (re-resolved after a restart). */
  serviceWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  newTab(url?: string): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension loaded and a fixture server beside it. */
export async function launchExtension(options: { server?: FixtureServerOptions; buildDir?: string } = {}): Promise<ExtensionHarness> {
  const buildDir = options.buildDir ?? E2E_BUILD_DIR;
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No built extension in ${buildDir}; run npm run build:e2e`);
  const server = await startFixtureServer(options.server);
  const profile = await mkdtemp(join(tmpdir(), 'partwise-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${buildDir}`, `--load-extension=${buildDir}`],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    return live ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const newTab = async (url?: string) => {
    const page = await context.newPage();
    if (url) await page.goto(url);
    return page;
  };
  return {
    context,
    extensionId,
    server,
    serviceWorker,
    extensionUrl,
    openPopup: () => newTab(extensionUrl('popup.html')),
    openOptions: () => newTab(extensionUrl('options.html')),
    newTab,
    cdp: (page) => context.newCDPSession(page),
    close: async () => {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
