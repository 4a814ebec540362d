// `npm start` in Chromium: the E2E build loaded unpacked in a temporary profile, its button pinned.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { callBackground } from '../test/e2e/extension-state';
import { CHROMIUM_FLAGS, E2E_BUILD_DIR } from '../test/e2e/harness';
import type { StartedBrowser, StartOptions } from './started-browser';

/** The id Chromium gives an unpacked extension: the SHA-256 of its folder's real path, as letters a–p. */
export function unpackedExtensionId(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Pins the extension's button to the toolbar the way the user would from the puzzle-piece menu: Chromium
 * keeps that choice in the profile's Preferences (`extensions.pinned_extensions`), read at launch.
 */
async function pinInProfile(profile: string, extensionId: string): Promise<void> {
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [extensionId] } }));
}

/** Opens Chromium on `profile` with the E2E build loaded and pinned; its first tab is kept for the sample site. */
export async function startChromium({ executablePath, profile, headless }: StartOptions): Promise<StartedBrowser> {
  await pinInProfile(profile, unpackedExtensionId(E2E_BUILD_DIR));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: null,
    // npm start handles these itself, so it can remove the profile before exiting.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${E2E_BUILD_DIR}`, `--load-extension=${E2E_BUILD_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  // The browser opens with one blank tab: the sample site takes it, so no about:blank is left behind.
  const firstTab = context.pages()[0] ?? (await context.newPage());
  const options = await extensionPage('options.html');
  return {
    label: 'Chromium',
    extensionId,
    pinned: (await worker.evaluate(() => chrome.action.getUserSettings())).isOnToolbar,
    callBackground: <T>(type: string, data?: unknown) => callBackground<T>(options, type, data),
    showSite: async (url) => {
      await firstTab.goto(url);
      await options.close();
    },
    tabs: async () => context.pages().map((page) => page.url()),
    screenshotPopup: async (path) => {
      const popup = await extensionPage('popup.html');
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.locator('main.popup-main:not([inert]) section.group').first().waitFor();
      await popup.screenshot({ path });
      await popup.close();
    },
    onClosed: (listener) => context.on('close', listener),
    close: () => context.close(),
  };
}
