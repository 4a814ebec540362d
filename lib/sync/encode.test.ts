import { describe, expect, it } from 'vitest';
import { sampleSyncDoc } from '../../test/fixtures/sync-sample';
import { decodeItems, encodeDoc, itemBytes, SYNC_BUDGET_BYTES, SYNC_QUOTA, type UnreadableItem } from './encode';
import { hashKey, markHash } from './mark-hash';
import { packMarks, packOrder, unpackMarks } from './pack-marks';
import { emptyDoc, overridesKey, type Stamped } from './sync-doc';

describe('encodeDoc', () => {
  it('fits 500 subscriptions and 5,000 read marks with room to spare, and reads them back unchanged', () => {
    const doc = sampleSyncDoc(500, 5_000);
    const { items, bytes, droppedMarks } = encodeDoc(doc);
    const share = bytes / SYNC_QUOTA.totalBytes;
    console.log(`500 subscriptions + 5,000 read marks: ${bytes.toLocaleString('en')} bytes in ${Object.keys(items).length} items, ${(share * 100).toFixed(1)}% of the 102,400-byte quota`);
    expect(droppedMarks).toBe(0);
    expect(share).toBeLessThan(0.8);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    const { doc: back, problems } = decodeItems(items);
    expect(problems).toEqual([]);
    expect(back).toEqual(doc);
  });

  it('holds 6,500 marks, 1,500 more than the target, before dropping any (room to spare)', () => {
    const { droppedMarks, bytes } = encodeDoc(sampleSyncDoc(500, 6_500));
    expect(droppedMarks).toBe(0);
    expect(bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
  });

  it('drops the oldest marks of posts gone from the library first, and stays within the budget', () => {
    const doc = sampleSyncDoc(500, 12_000);
    const hashes = Object.keys(doc.marks);
    const kept = new Set(hashes.filter((_, i) => i % 2 === 0));
    const { items, bytes, droppedMarks } = encodeDoc(doc, { isInLibrary: (hash) => kept.has(hash) });
    expect(bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    expect(droppedMarks).toBeGreaterThan(0);
    const survivors = new Set(Object.keys(decodeItems(items).doc.marks));
    // Every mark of a post still in the library survives while marks of departed posts are dropped.
    expect(droppedMarks).toBeLessThanOrEqual(hashes.length - kept.size);
    expect([...kept].every((hash) => survivors.has(hash))).toBe(true);
    const departed = hashes.filter((hash) => !kept.has(hash)).map((hash) => ({ hash, stamp: doc.marks[hash]!.stamp }));
    const newestDropped = Math.max(...departed.filter((m) => !survivors.has(m.hash)).map((m) => m.stamp));
    const oldestKept = Math.min(...departed.filter((m) => survivors.has(m.hash)).map((m) => m.stamp));
    expect(newestDropped).toBeLessThanOrEqual(oldestKept);
  });

  it('leaves out an entry too large for one item and names it', () => {
    const doc = emptyDoc();
    const huge: Stamped = ['x'.repeat(9_000), 1];
    doc.subscriptions['https://big.test/feed'] = { added: 1, fields: { title: huge } };
    doc.subscriptions['https://small.test/feed'] = { added: 1, fields: {} };
    doc.overrides[overridesKey('https://big.test/feed', 'series')] = [JSON.stringify('y'.repeat(9_000))];
    const { items, skipped } = encodeDoc(doc);
    expect(skipped).toEqual([
      { kind: 'subscription', url: 'https://big.test/feed' },
      { kind: 'overrides', url: 'https://big.test/feed' },
    ]);
    expect(Object.keys(decodeItems(items).doc.subscriptions)).toEqual(['https://small.test/feed']);
  });

  it('encodes an empty document as the format version alone', () => {
    expect(encodeDoc(emptyDoc()).items).toEqual({ v: 1 });
  });

  it('keeps the first chunks unchanged when newer marks are added (few items rewritten)', () => {
    const doc = sampleSyncDoc(10, 5_000);
    const before = encodeDoc(doc).items;
    for (let i = 0; i < 3_000; i++) doc.marks[hashKey(`new.test/${i}`)] = { read: true, stamp: 999_999_999 };
    const after = encodeDoc(doc).items;
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    console.log(`“Mark all read” of 3,000 posts rewrites ${changed.length} of ${Object.keys(after).length} items, in one write`);
    expect(changed.length).toBeLessThanOrEqual(4);
  });
});

describe('decodeItems', () => {
  it.each<[string, Record<string, unknown>, UnreadableItem]>([
    ['a truncated mark chunk', { v: 1, m0: 'AAAA' }, { key: 'm0', reason: 'bad-marks' }],
    ['a mark chunk that is not base64', { v: 1, m0: '!!' }, { key: 'm0', reason: 'bad-marks' }],
    ['a mark chunk that is not text', { v: 1, m0: 7 }, { key: 'm0', reason: 'not-text' }],
    ['a subscription chunk that is not a list', { v: 1, s0: 'nope' }, { key: 's0', reason: 'not-a-list' }],
    ['a malformed subscription entry', { v: 1, s0: [[1, 2]] }, { key: 's0', reason: 'bad-subscription' }],
    ['a malformed overrides entry', { v: 1, o0: [['feed', 'not a list']] }, { key: 'o0', reason: 'bad-overrides' }],
  ])('skips %s and says why', (_name, items, problem) => {
    expect(decodeItems(items).problems).toEqual([problem]);
  });

  it('reads any subset of the chunks (the sync engine delivers items one by one)', () => {
    const { items } = encodeDoc(sampleSyncDoc(500, 5_000));
    const partial = Object.fromEntries(Object.entries(items).filter(([key]) => key !== 'm1' && key !== 's0'));
    const { doc, problems } = decodeItems(partial);
    expect(problems).toEqual([]);
    expect(Object.keys(doc.marks).length).toBeGreaterThan(0);
    expect(Object.keys(doc.subscriptions).length).toBeGreaterThan(0);
  });

  it('notices a copy written by a newer format', () => {
    expect(decodeItems({ v: 2 }).newerFormat).toBe(true);
  });
});

describe('read-mark packing', () => {
  it('round-trips stamps large and small, read and unread', () => {
    const marks = packOrder([
      { hash: 'ffffffffff', read: true, stamp: 0 },
      { hash: '0000000001', read: false, stamp: 0 },
      { hash: '0123456789', read: true, stamp: 2 ** 33 },
    ]);
    expect(packMarks(marks, 6_000).flatMap(unpackMarks)).toEqual(marks);
  });

  it('hashes the normalized URL, so every browser files the same article under the same mark', () => {
    expect(markHash({ normalizedUrl: 'blog.test/a', guid: 'x' }, 'https://blog.test/feed')).toBe(markHash({ normalizedUrl: 'blog.test/a', guid: 'y' }, undefined));
    expect(markHash({ guid: 'x' }, 'https://blog.test/feed')).not.toBe(markHash({ guid: 'x' }, 'https://other.test/feed'));
    expect(hashKey('blog.test/a')).toMatch(/^[0-9a-f]{10}$/);
  });
});
