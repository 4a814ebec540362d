// Renders assets/icon.svg into the PNG sizes the manifest wants (public/icon/*.png) with headless Chromium.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/harness';
import { repoRoot } from '../test/shared-corpus';

const SIZES = [16, 32, 48, 96, 128];

async function main(): Promise<void> {
  const svg = await readFile(resolve(repoRoot, 'assets/icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: resolve(repoRoot, `public/icon/${size}.png`), omitBackground: true });
  }
  await browser.close();
}

await main();
