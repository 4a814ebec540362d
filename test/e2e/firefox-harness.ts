import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { startFixtureServer } from '../fixtures/server';
import type { BrowserHarness, DownloadedFile, FirstPaint, LaunchOptions, Tab, Target } from './browser-harness';
import { extensionProbe } from './extension-probe';
import { FIREFOX_E2E_BUILD_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './launch-firefox';

const WAIT_MS = 30_000;

/** A puppeteer selector for a target: CSS as is, a role and name through the accessibility tree. */
function selector(target: Target): string {
  if (typeof target === 'string') return target;
  const quote = (text: string) => JSON.stringify(text);
  return `::-p-aria([name=${quote(target.name)}][role=${quote(target.role)}])`;
}

/** A puppeteer page in Firefox behind the browser-neutral {@link Tab}. */
function firefoxTab(firefox: FirefoxWithExtension, page: Page, uploads: string): Tab {
  return {
    goto: (url) => firefox.navigate(page, url),
    reload: () => firefox.reload(page),
    evaluate: (fn, arg) => page.evaluate(fn as (value: unknown) => unknown, arg) as never,
    waitFor: async (target) => {
      await page.waitForSelector(selector(target), { timeout: WAIT_MS });
    },
    click: (target) => page.locator(selector(target)).setTimeout(WAIT_MS).click(),
    fill: (target, text) => page.locator(selector(target)).setTimeout(WAIT_MS).fill(text),
    press: (key) => page.keyboard.press(key as KeyInput),
    setFile: async (css, file) => {
      // puppeteer uploads files from disk, under their own names.
      const folder = await mkdtemp(join(uploads, 'file-'));
      const path = join(folder, file.name);
      await writeFile(path, file.content);
      const input = (await page.waitForSelector(css, { timeout: WAIT_MS })) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/** The one new file in `folder` once Firefox has finished writing it (its size holds still and no `.part` is left). */
async function finishedDownload(folder: string, before: ReadonlySet<string>): Promise<DownloadedFile> {
  let last = '';
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const names = (await readdir(folder)).filter((name) => !before.has(name));
    const done = names.filter((name) => !name.endsWith('.part'));
    if (done.length === 1 && names.length === 1) {
      const size = (await stat(join(folder, done[0]!))).size;
      const seen = `${done[0]}:${size}`;
      if (seen === last && size > 0) return { name: done[0]!, text: await readFile(join(folder, done[0]!), 'utf8') };
      last = seen;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No download finished in ${folder}`);
}

/** Firefox (through puppeteer over WebDriver BiDi) behind the browser-neutral {@link BrowserHarness}. */
export async function launchFirefoxHarness(options: LaunchOptions): Promise<BrowserHarness> {
  const scratch = await mkdtemp(join(tmpdir(), 'partwise-firefox-'));
  const downloads = join(scratch, 'downloads');
  await mkdir(downloads);
  const server = await startFixtureServer(options.server);
  let firefox: FirefoxWithExtension;
  try {
    firefox = await launchFirefoxWithExtension({ downloadDir: downloads, prefs: options.firefoxPrefs });
  } catch (error) {
    await server.close();
    throw error;
  }
  const extensionUrl = (path: string) => `${firefox.origin}/${path.replace(/^\//, '')}`;
  const newTab = async (url?: string): Promise<Tab> => {
    const tab = firefoxTab(firefox, await firefox.browser.newPage(), scratch);
    if (url) await tab.goto(url);
    return tab;
  };
  const probePage = await newTab(extensionUrl('options.html'));
  const probe = await extensionProbe(probePage);
  return {
    browser: 'firefox',
    server,
    extensionOrigin: firefox.origin,
    extensionUrl,
    openOptions: () => newTab(extensionUrl('options.html')),
    openPopup: (query = '') => newTab(extensionUrl(`popup.html${query}`)),
    newTab,
    ...probe,
    tabUrls: () => firefox.tabUrls(),
    stopBackground: () => firefox.stopBackground(),
    buildDir: FIREFOX_E2E_BUILD_DIR,
    popupFirstPaint: async () => {
      const page = await newTab(extensionUrl('popup.html'));
      const painted: FirstPaint = await page.evaluate(async (script) => {
        const frame = document.createElement('iframe');
        frame.srcdoc = `<!doctype html><html><head><script src="${script}"></script></head><body class="popup"><div id="app"></div></body></html>`;
        document.body.append(frame);
        for (let attempt = 0; attempt < 300; attempt += 1) {
          const doc = frame.contentDocument;
          if (doc?.querySelector('[data-post-link]')) {
            return { inert: doc.querySelector('main[inert]') !== null, groups: [...doc.querySelectorAll('section.group')].map((s) => s.getAttribute('aria-label') ?? '') };
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return { inert: false, groups: [] };
      }, extensionUrl('first-paint.js'));
      await page.close();
      return painted;
    },
    download: async (tab, button) => {
      const before = new Set(await readdir(downloads));
      await tab.click(button);
      return finishedDownload(downloads, before);
    },
    close: async () => {
      await firefox.close();
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
