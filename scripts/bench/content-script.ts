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

/** An article page with every series declaration the content script reads. */
function seriesArticle(origin: string): string {
  const items = ASGI_ITEMS.map((item, i) => `<a class="article-collection__item" href="${origin}/${item.link}"><span class="article-collection__item-number">${i + 1}</span><span class="article-collection__item-title">${item.title}</span></a>`).join('');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'BlogPosting', position: 2, isPartOf: { '@type': 'CreativeWorkSeries', name: 'ASGI' } });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Part 2</title><meta property="og:see_also" content="${origin}/posts/passive-to-real-part-1.html">
<script type="application/ld+json">${ld}</script></head><body><article><h1>Part 2</h1>
<div class="article-collection-wrapper"><nav class="article-collection" aria-label="ASGI series">${items}</nav></div>
${'<p>Body text of the article, as long as a real one.</p>'.repeat(40)}</article></body></html>`;
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
    // The same article declaring its series (Forem box, JSON-LD, og:see_also): the series readers' worst case.
    const declaring = '/posts/passive-to-real-part-2.html';
    harness.server.route(declaring, { body: seriesArticle(harness.server.origin), headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const withSeries = await scriptMs(harness, harness.server.url(declaring));
    console.log(`content script: ${withSeries.toFixed(2)} ms on an article that declares its series, ${(withSeries / Math.max(withScript, 0.01)).toFixed(2)}x the plain article's cost with the script`);
  } finally {
    await harness.close();
  }
}
