import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { repoRoot } from '../shared-corpus';
import { BrowserSetupError, findBrowser, localSystem, missingBrowserLine } from '../../scripts/browsers';

/** Folder of the Firefox E2E build (`wxt build -b firefox --mode e2e`). */
export const FIREFOX_E2E_BUILD_DIR = resolve(repoRoot, '.output/firefox-mv3-e2e');

/**
 * The extension's internal UUID, fixed by a pref so its pages have a known address
 * (Firefox otherwise draws a random one at each install).
 */
export const FIREFOX_EXTENSION_UUID = '5f1a3c2e-7b4d-4e8a-9c6f-2d1e0b9a8c7d';

/** The path of the Firefox to drive, found by the one browser finder (`$FIREFOX_PATH`, then the usual places). */
export function firefoxPath(): string {
  const path = findBrowser('firefox');
  if (!path) throw new BrowserSetupError(missingBrowserLine('firefox', localSystem()));
  return path;
}

/** How to start Firefox with the extension. */
export interface FirefoxLaunchOptions {
  /** The unpacked build to install (default: the E2E build). */
  buildDir?: string;
  headless?: boolean;
  /** Where downloads land without asking (default: Firefox's own folder, with a prompt). */
  downloadDir?: string;
  /** More Firefox prefs (they win over the harness's own). */
  prefs?: Record<string, unknown>;
}

/** A Firefox running Partwise as a temporary add-on. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`, the origin of the extension's pages. */
  origin: string;
  /** Opens `url` in `page` and waits for its load; extension pages go through the raw BiDi command. */
  navigate(page: Page, url: string): Promise<void>;
  /** Reloads `page` and waits for the load (works on extension pages too). */
  reload(page: Page): Promise<void>;
  /** URLs of every open top-level tab, including those the extension opened itself. */
  tabUrls(): Promise<string[]>;
  /** Stops the extension's event page now, as Firefox does after it idles; the next event starts it again. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The browser's WebDriver BiDi connection, for the commands puppeteer does not wrap for extension pages. */
function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi id of a page's top-level browsing context. */
function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

async function geckoId(buildDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id; build it with -b firefox`);
  return id;
}

/** Prefs that make extension pages reachable at a fixed address, host access promptless and downloads silent. */
function firefoxPrefs(extensionId: string, downloadDir: string | undefined): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: FIREFOX_EXTENSION_UUID }),
    'extensions.webextOptionalPermissionPrompts': false,
    // Headless Firefox has no system notification service: its own alerts keep notifications listed.
    'alerts.useSystemBackend': false,
    'alerts.totalOpenTime': 600_000,
    ...(downloadDir
      ? {
          'browser.download.folderList': 2,
          'browser.download.dir': downloadDir,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.alwaysOpenPanel': false,
        }
      : {}),
  };
}

/**
 * Launches Firefox (ESR by default) over WebDriver BiDi with the unpacked build installed as a
 * temporary add-on. `--remote-allow-system-access` lets BiDi open `moz-extension://` pages, and
 * `page.goto()` is avoided there because Firefox leaves extension documents out of its load events.
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  const buildDir = options.buildDir ?? FIREFOX_E2E_BUILD_DIR;
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No built extension in ${buildDir}; run npm run build:e2e:firefox`);
  const extensionId = await geckoId(buildDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(extensionId, options.downloadDir), ...options.prefs },
  });
  try {
    await browser.installExtension(buildDir);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused to install ${buildDir}: ${String(error)}`);
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const connection = bidi(browser);
  /** Runs privileged script in the browser's own window (allowed by --remote-allow-system-access). */
  const evaluateInChrome = async (expression: string): Promise<unknown> => {
    const { result: tree } = await connection.send('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' });
    const window = (tree as { contexts: { context: string }[] }).contexts[0];
    if (!window) throw new Error('Firefox has no browser window to run privileged script in');
    const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
    const outcome = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    if (outcome.type !== 'success') throw new Error(`Privileged script failed: ${outcome.exceptionDetails?.text ?? 'unknown error'}`);
    return outcome.result?.value;
  };
  return {
    browser,
    origin,
    navigate: async (page, url) => {
      if (url.startsWith('moz-extension:')) await connection.send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
      else await page.goto(url, { waitUntil: 'load' });
    },
    reload: async (page) => {
      await connection.send('browsingContext.reload', { context: contextId(page), wait: 'complete' });
    },
    tabUrls: async () => {
      const { result } = await connection.send('browsingContext.getTree', { maxDepth: 0 });
      return (result as { contexts: { url: string }[] }).contexts.map((context) => context.url);
    },
    stopBackground: async () => {
      const state = await evaluateInChrome(`(async () => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).extension;
        await extension.terminateBackground({ disableResetIdleForTest: true });
        return extension.backgroundState;
      })()`);
      if (state !== 'stopped') throw new Error(`Firefox's event page did not stop (state: ${String(state)})`);
    },
    close: () => browser.close(),
  };
}
