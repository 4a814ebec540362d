// `npm start -- --firefox`: the Firefox E2E build installed as a temporary add-on in Firefox ESR, driven
// over WebDriver BiDi by puppeteer-core (see ../shared/notes/firefox-testing.md for why each step is so).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { StartedBrowser, StartOptions } from './started-browser';

/** The raw BiDi connection puppeteer keeps for Firefox (not in its public types). */
interface BidiChannel {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

/**
 * Opens an extension page: Firefox's BiDi leaves extension documents out of its load events, so
 * `page.goto()` would wait forever; the raw `browsingContext.navigate` returns once the page is complete.
 */
async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await (browser as unknown as { connection: BidiChannel }).connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return page;
}

/** Opens Firefox on `profile` with the Firefox E2E build installed; its first tab is kept for the sample site. */
export async function startFirefox({ executablePath, profile, headless }: StartOptions, buildDir: string): Promise<StartedBrowser> {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  // A fixed internal UUID gives the extension's pages a known address (moz-extension://<uuid>/…).
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    userDataDir: profile,
    defaultViewport: null,
    // npm start handles these itself, so it can remove the profile before exiting.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Lets BiDi open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }) },
  });
  await browser.installExtension(buildDir);
  const firstTab = (await browser.pages())[0] ?? (await browser.newPage());
  const options = await openExtensionPage(browser, `moz-extension://${uuid}/options.html`);
  return {
    label: 'Firefox',
    extensionId: uuid,
    pinned: await options.evaluate(async () => (await chrome.action.getUserSettings()).isOnToolbar),
    // Framed as @webext-core/messaging does, like callBackground in test/e2e/extension-state.ts.
    callBackground: async <T>(type: string, data?: unknown) => {
      const reply = await options.evaluate(
        (message) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), ...message, timestamp: Date.now() }) as Promise<{ res?: unknown; err?: { message?: string } }>,
        { type, data },
      );
      if (reply?.err) throw new Error(reply.err.message ?? 'background error');
      return reply?.res as T;
    },
    showSite: async (url) => {
      await firstTab.goto(url);
      await options.close();
    },
    tabs: async () => Promise.all((await browser.pages()).map((page) => page.evaluate(() => location.href))),
    screenshotPopup: async (path) => {
      const popup = await openExtensionPage(browser, `moz-extension://${uuid}/popup.html`);
      await popup.setViewport({ width: 420, height: 600 });
      await popup.waitForSelector('main.popup-main:not([inert]) section.group');
      await popup.screenshot({ path: path as `${string}.png` });
      await popup.close();
    },
    onClosed: (listener) => browser.on('disconnected', listener),
    close: () => browser.close(),
  };
}
