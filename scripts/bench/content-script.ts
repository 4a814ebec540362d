/**
 * Content-script benchmark (issue 7): the built visit script's size, and the script time it adds to a
 * page load, measured with the DevTools protocol against the same page on an origin where it does not run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ASGI_ITEMS, buildRss } from '../../test/fixtures/build-rss';
import { articlePage } from '../../test/fixtures/sample-site';
import { callBackground } from '../../test/e2e/extension-state';
import { E2E_BUILD_DIR, launchExtension, type ExtensionHarness } from '../../test/e2e/harness';
import { median } from './extension-session';

const LOADS = 15;

/** Median script time (ms) the DevTools protocol reports for loading `url` afresh. */
async function scriptMs(harness: ExtensionHarness, url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    const page: Page = await harness.context.newPage();
    const cdp = await harness.cdp(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    samples.push((metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000);
    await page.close();
  }
  return median(samples);
}

/** Runs the content-script benchmark and prints its lines. */
export default async function benchContentScript(): Promise<void> {
  const source = readFileSync(resolve(E2E_BUILD_DIR, 'visit.js'));
  console.log(`content script: visit.js ${source.byteLength} bytes, ${gzipSync(source).byteLength} gzipped (goal ≤ 5 KB)`);
  const harness = await launchExtension({ server: { fallback: articlePage } });
  try {
    harness.server.route('/feed.xml', { body: buildRss({ title: 'Bench', site: `${harness.server.origin}/`, items: ASGI_ITEMS }), headers: { 'Content-Type': 'application/rss+xml' } });
    const options = await harness.openOptions();
    await callBackground(options, 'subscribe', { url: harness.server.url('/feed.xml') });
    const article = '/posts/passive-to-real-part-1.html';
    const without = await scriptMs(harness, harness.server.url(article).replace('127.0.0.1', 'localhost'));
    const withScript = await scriptMs(harness, harness.server.url(article));
    console.log(`content script: page script time ${withScript.toFixed(2)} ms with it, ${without.toFixed(2)} ms without (baseline, same page); adds ${(withScript - without).toFixed(2)} ms (median of ${LOADS} loads)`);
  } finally {
    await harness.close();
  }
}
