/**
 * Backup restore benchmark (issue 16): a backup of nearly 64 MB (the largest Partwise accepts: 500
 * feeds, their read marks) restored into an empty library of the built extension in headless
 * Chromium, sent from the options page the way it sends a chosen file. Printed beside the restore of a 1 MB backup in the same browser, so a busy machine shows in both.
 */
import type { Page } from 'playwright-core';
import { BACKUP_LIMITS } from '../../lib/backup/backup-limits';
import { BACKUP_PART_LENGTH } from '../../lib/backup/backup-parts';
import type { BackupSubscription, BackupV1 } from '../../lib/backup/parse-backup';
import { serializeBackup } from '../../lib/backup/serialize-backup';
import { unsubscribeAll } from '../../test/e2e/extension-state';
import { E2E_BUILD_DIR, launchExtension } from '../../test/e2e/harness';

const FEEDS = 500;

function backupWith(perFeed: number): BackupV1 {
  const mark = (feed: number, i: number) => ({
    postId: `https://blog${feed}.test/posts/${i}`,
    readAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    title: `A post about topic ${i} of blog ${feed}, part of a long series`,
    url: `https://blog${feed}.test/posts/${i}`,
  });
  const subscriptions: BackupSubscription[] = Array.from({ length: FEEDS }, (_, feed) => ({
    feedUrl: `https://blog${feed}.test/feed.xml`,
    title: `Blog ${feed}`,
    tags: [],
    notify: true,
    markOnVisit: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    read: Array.from({ length: perFeed }, (_, i) => mark(feed, i)),
    seriesOverrides: [],
  }));
  return { format: 'partwise-backup', version: 1, exportedAt: '2026-11-01T00:00:00.000Z', settings: {}, subscriptions };
}

/** A backup of `FEEDS` feeds whose read marks bring it just under `bytes` as the serializer writes it. */
export function backupOf(bytes: number): { text: string; marks: number } {
  // Marks grow with their number's digits: scale from a first guess until the text fits.
  let perFeed = Math.max(1, Math.floor(bytes / FEEDS / 250));
  let text = serializeBackup(backupWith(perFeed));
  for (let tries = 0; tries < 8 && (text.length > bytes || text.length < bytes * 0.97); tries += 1) {
    perFeed = Math.max(1, Math.floor((perFeed * bytes * 0.985) / text.length));
    text = serializeBackup(backupWith(perFeed));
  }
  return { text, marks: perFeed * FEEDS };
}

/**
 * In the options page: reads the backup from `url` (the fixture server), then sends it as the page does
 * (lib/messaging/send-backup.ts: parts, then the restore) and answers the seconds from first part to reply.
 */
async function restoreInPage(page: Page, url: string, partLength: number): Promise<number> {
  // tsx names inner functions through a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    async ({ url, partLength }) => {
      const text = await (await fetch(url)).text();
      const send = async (type: string, data: unknown) => {
        const reply = (await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() })) as { err?: { message?: string } };
        if (reply?.err) throw new Error(reply.err.message ?? `${type} failed`);
      };
      const t0 = performance.now();
      const transfer = crypto.randomUUID();
      let parts = 0;
      // The bench's backup is ASCII: plain cuts split no surrogate pair.
      for (let start = 0; start < text.length; start += partLength) await send('importBackupPart', { transfer, index: parts++, text: text.slice(start, start + partLength) });
      await send('importBackup', { transfer, parts });
      return (performance.now() - t0) / 1000;
    },
    { url, partLength },
  );
}

/** Restores backups of 1 MB and of nearly 64 MB into an empty library and prints how long each took. */
export default async function benchRestore(): Promise<void> {
  const harness = await launchExtension({ buildDir: E2E_BUILD_DIR });
  try {
    const page = await harness.openOptions();
    const worker = await harness.serviceWorker();
    const results: string[] = [];
    for (const bytes of [1024 * 1024, BACKUP_LIMITS.maxBytes - 1024 * 1024]) {
      const { text, marks } = backupOf(bytes);
      harness.server.route('/backup.json', { body: text, headers: { 'Content-Type': 'application/json' } });
      await unsubscribeAll(worker, page);
      const seconds = await restoreInPage(page, harness.server.url('/backup.json'), BACKUP_PART_LENGTH);
      results.push(`${(text.length / 1_048_576).toFixed(1)} MB (${FEEDS} feeds, ${marks.toLocaleString('en')} read marks) in ${seconds.toFixed(1)} s`);
    }
    console.log(`restore into an empty library: ${results.join('; ')}; goal: 64 MB in seconds`);
  } finally {
    await harness.close();
  }
}
