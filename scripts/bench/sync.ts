/**
 * How much of storage.sync's quota Partwise's synced copy takes: 500 subscriptions and 5,000 read marks,
 * against a baseline encoded in the same run (the same data as plain JSON: every article URL with its
 * read time), and how many read marks fit beside 500 subscriptions before the oldest are dropped.
 */
import { pathToFileURL } from 'node:url';
import { encodeDoc, itemBytes, SYNC_BUDGET_BYTES, SYNC_QUOTA } from '../../lib/sync/encode';
import { sampleSyncDoc } from '../../test/fixtures/sync-sample';

const percent = (bytes: number) => `${((bytes / SYNC_QUOTA.totalBytes) * 100).toFixed(1)}%`;

/** The most marks that fit beside `subscriptions` subscriptions with none dropped (binary search). */
function capacity(subscriptions: number): number {
  let low = 0;
  let high = 40_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encodeDoc(sampleSyncDoc(subscriptions, mid)).droppedMarks === 0) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Prints the synced bytes and their share of the quota. */
export default async function benchSync(): Promise<void> {
  const doc = sampleSyncDoc(500, 5_000);
  const { items, bytes, droppedMarks } = encodeDoc(doc);
  const marks = Object.entries(items).filter(([key]) => key.startsWith('m')).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  // Baseline: what a plain JSON copy would take (article URLs of typical length, ISO read times).
  const naive = itemBytes('marks', Object.fromEntries(Object.keys(doc.marks).map((hash, i) => [`https://blog-${i % 500}.example.com/posts/2025/some-article-title-${hash}/`, new Date().toISOString()])));
  console.log(`500 subscriptions + 5,000 read marks: ${bytes.toLocaleString('en')} bytes in ${Object.keys(items).length} items = ${percent(bytes)} of the ${SYNC_QUOTA.totalBytes.toLocaleString('en')}-byte quota (${droppedMarks} marks dropped)`);
  console.log(`  read marks: ${marks.toLocaleString('en')} bytes (${(marks / 5_000).toFixed(1)} bytes a mark); subscriptions, settings and overrides: ${(bytes - marks).toLocaleString('en')} bytes`);
  console.log(`  plain JSON of the same 5,000 marks alone: ${naive.toLocaleString('en')} bytes = ${percent(naive)} (${(naive / marks).toFixed(1)}x the packed marks)`);
  console.log(`  budget Partwise allows itself: ${SYNC_BUDGET_BYTES.toLocaleString('en')} bytes (${percent(SYNC_BUDGET_BYTES)}); read marks that fit beside 500 subscriptions before the oldest are dropped: ${capacity(500).toLocaleString('en')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSync();
