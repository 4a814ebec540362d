// Regenerates the README's screenshots from the real build, in headless Chromium:
//   docs/popup.png, docs/popup-dark.png  the popup over the sample blogs, one series in progress
//   docs/options.png                     the options page with 300 feeds in OPML folders
// Run `npm run build:e2e` first (the E2E build may reach the local fixture server without a prompt).
import { resolve } from 'node:path';
import { buildRss } from '../test/fixtures/build-rss';
import { callBackground, readStore, RSS_HEADERS } from '../test/e2e/extension-state';
import { launchExtension } from '../test/e2e/harness';
import { SAMPLE_FEED_PATHS, articlePage } from '../test/fixtures/sample-site';
import { repoRoot } from '../test/shared-corpus';

const FOLDERS = ['Backend', 'Data', 'Frontend', 'Python', 'Security', 'Systems'];
const docs = (name: string) => resolve(repoRoot, 'docs', name);

const harness = await launchExtension({ server: { staticDir: resolve(repoRoot, 'test/fixtures'), fallback: articlePage } });
try {
  const options = await harness.openOptions();
  for (const path of SAMPLE_FEED_PATHS) await callBackground(options, 'subscribe', { url: harness.server.url(path) });

  // A reader part-way through a series: its first part is read.
  const posts = await readStore<{ id: number; part?: number; seriesKey?: string; sortAt: number }>(await harness.serviceWorker(), 'posts');
  const firstPart = posts.filter((post) => post.part === 1 && post.seriesKey !== undefined).sort((a, b) => b.sortAt - a.sortAt)[0];
  if (firstPart) await callBackground(options, 'setRead', { postIds: [firstPart.id], read: true });

  for (const [scheme, file] of [['light', 'popup.png'], ['dark', 'popup-dark.png']] as const) {
    const popup = await harness.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(harness.extensionUrl('popup.html'));
    await popup.locator('main.popup-main:not([inert]) section.group').first().waitFor();
    await popup.screenshot({ path: docs(file) });
    await popup.close();
  }

  // 300 feeds in folders, as an OPML import brings them, each answering with a few posts.
  const outlines = FOLDERS.map((folder, f) => {
    const feeds = Array.from({ length: 50 }, (_, i) => {
      const path = `/many/${f}/${i + 1}.xml`;
      const title = `${folder} Weekly ${i + 1}`;
      harness.server.route(path, {
        body: buildRss({ title, site: `${harness.server.origin}/many/${f}/${i + 1}/`, items: [{ title: `${title}: notes`, link: `many/${f}/${i + 1}/notes.html`, date: '2026-01-05T09:00:00Z' }] }),
        headers: RSS_HEADERS,
      });
      return `<outline type="rss" text="${title}" xmlUrl="${harness.server.url(path)}"/>`;
    });
    return `<outline text="${folder}">${feeds.join('')}</outline>`;
  });
  await callBackground(options, 'importOpml', { text: `<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>${outlines.join('')}</body></opml>` });
  await callBackground(options, 'refreshNow', {});
  const page = await harness.openOptions();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.locator('.subscription').nth(300).waitFor();
  await page.getByRole('button', { name: 'Data (50)' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: docs('options.png') });
} finally {
  await harness.close();
}
