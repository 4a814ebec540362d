/**
 * Backup restore benchmark (issue 16): a backup of nearly 64 MB (the largest Partwise accepts: 500
 * feeds, their read marks) restored into an empty library of the built extension in headless
 * Chromium, the way the options page sends it. Printed against the restore of a 1 MB backup in the
 * same browser, so a busy machine shows in both.
 */
import { performance } from 'node:perf_hooks';
import { BACKUP_LIMITS } from '../../lib/backup/backup-limits';
import { splitBackupText } from '../../lib/backup/backup-parts';
import type { BackupSubscription, BackupV1 } from '../../lib/backup/parse-backup';
import { serializeBackup } from '../../lib/backup/serialize-backup';
import { callBackground, unsubscribeAll } from '../../test/e2e/extension-state';
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

/** Restores backups of 1 MB and of nearly 64 MB into an empty library and prints how long each took. */
export default async function benchRestore(): Promise<void> {
  const harness = await launchExtension({ buildDir: E2E_BUILD_DIR });
  try {
    const page = await harness.openOptions();
    const worker = await harness.serviceWorker();
    const results: string[] = [];
    for (const bytes of [1024 * 1024, BACKUP_LIMITS.maxBytes - 1024 * 1024]) {
      const { text, marks } = backupOf(bytes);
      await unsubscribeAll(worker, page);
      const t0 = performance.now();
      // As the options page sends it (lib/messaging/send-backup.ts): in parts, then the restore.
      const parts = splitBackupText(text);
      for (const [index, part] of parts.entries()) await callBackground(page, 'importBackupPart', { transfer: `bench-${bytes}`, index, text: part });
      await callBackground(page, 'importBackup', { transfer: `bench-${bytes}`, parts: parts.length });
      const seconds = (performance.now() - t0) / 1000;
      results.push(`${(text.length / 1_048_576).toFixed(1)} MB (${FEEDS} feeds, ${marks.toLocaleString('en')} read marks) in ${seconds.toFixed(1)} s`);
    }
    console.log(`restore into an empty library: ${results.join('; ')}; goal: 64 MB in seconds`);
  } finally {
    await harness.close();
  }
}
