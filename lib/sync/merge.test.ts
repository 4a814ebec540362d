import { describe, expect, it } from 'vitest';
import { docCovers, dropExpiredTombstones, mergeDocs } from './merge';
import { emptyDoc, isAlive, type SyncDoc } from './sync-doc';

function doc(build: (d: SyncDoc) => void): SyncDoc {
  const d = emptyDoc();
  build(d);
  return d;
}

const FEED = 'https://blog.test/feed.xml';
const OTHER = 'http://other.test/rss';

// Copies of the document as three devices might hold them, touching the same things at different times.
const A = doc((d) => {
  d.subscriptions[FEED] = { added: 100, fields: { customTitle: ['Mine', 150], notify: [false, 120] } };
  d.marks.aaaaaaaaaa = { read: true, stamp: 200 };
  d.marks.bbbbbbbbbb = { read: true, stamp: 210 };
  d.settings.theme = ['dark', 300];
  d.overrides[`${FEED}\nseries`] = ['{"at":1,"kind":"rename","name":"X","seriesKey":"series"}'];
});
const B = doc((d) => {
  d.subscriptions[FEED] = { added: 100, deleted: 400, fields: { customTitle: ['Theirs', 160] } };
  d.subscriptions[OTHER] = { added: 50, fields: {} };
  d.marks.aaaaaaaaaa = { read: false, stamp: 250 };
  d.settings.theme = ['light', 290];
  d.overrides[`${FEED}\nseries`] = ['{"at":2,"kind":"not-series","seriesKey":"series"}'];
});
const C = doc((d) => {
  d.subscriptions[FEED] = { added: 500, fields: { notify: [true, 110] } };
  d.marks.bbbbbbbbbb = { read: false, stamp: 210 };
  d.marks.cccccccccc = { read: true, stamp: 10 };
});

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1 ? [[...items]] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

const canonical = (d: SyncDoc) => JSON.stringify(d, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value));

describe('mergeDocs', () => {
  it('is commutative: A∪B = B∪A for every pair', () => {
    for (const [x, y] of [[A, B], [A, C], [B, C]] as const) expect(canonical(mergeDocs(x, y))).toBe(canonical(mergeDocs(y, x)));
  });

  it('is idempotent: merging a copy into itself, or twice, changes nothing', () => {
    const all = mergeDocs(mergeDocs(A, B), C);
    expect(canonical(mergeDocs(all, all))).toBe(canonical(all));
    expect(canonical(mergeDocs(mergeDocs(all, B), B))).toBe(canonical(all));
  });

  it('is order-independent: all 6 arrival orders of three copies give the same document', () => {
    const results = permutations([A, B, C]).map((order) => canonical(order.reduce(mergeDocs, emptyDoc())));
    expect(new Set(results).size).toBe(1);
  });

  it.each<[string, (m: SyncDoc) => unknown, unknown]>([
    ['the newest title wins', (m) => m.subscriptions[FEED]!.fields.customTitle, ['Theirs', 160]],
    ['the newest switch wins', (m) => m.subscriptions[FEED]!.fields.notify, [false, 120]],
    ['an unsubscribe (tombstone) beats an older subscribe', () => isAlive(mergeDocs(A, B).subscriptions[FEED]!), false],
    ['a later subscribe beats the tombstone', (m) => isAlive(m.subscriptions[FEED]!), true],
    ['“unread again” at a newer time wins over a read', (m) => m.marks.aaaaaaaaaa, { read: false, stamp: 250 }],
    ['“unread again” in the same second wins too', (m) => m.marks.bbbbbbbbbb, { read: false, stamp: 210 }],
    ['read marks are a union', (m) => Object.keys(m.marks).sort(), ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']],
    ['the newest setting wins', (m) => m.settings.theme, ['dark', 300]],
    ['series overrides are a union', (m) => m.overrides[`${FEED}\nseries`]!.length, 2],
    ['a subscription only one copy has is kept', (m) => m.subscriptions[OTHER], { added: 50, fields: {} }],
  ])('%s', (_name, pick, expected) => {
    expect(pick(mergeDocs(mergeDocs(A, B), C))).toEqual(expected);
  });

  it('keeps a read newer than an earlier “unread again”', () => {
    const unread = doc((d) => (d.marks.dddddddddd = { read: false, stamp: 5 }));
    const reread = doc((d) => (d.marks.dddddddddd = { read: true, stamp: 6 }));
    expect(mergeDocs(unread, reread).marks.dddddddddd).toEqual({ read: true, stamp: 6 });
  });

  it('keeps fields it does not know (a newer version’s) when merging', () => {
    const newer = doc((d) => (d.subscriptions[FEED] = { added: 1, fields: { seriesPages: [['https://blog.test/series/'], 9] } }));
    expect(mergeDocs(A, newer).subscriptions[FEED]!.fields.seriesPages).toEqual([['https://blog.test/series/'], 9]);
  });
});

describe('dropExpiredTombstones', () => {
  const DAY = 86_400;
  it.each<[string, { added: number; deleted?: number }, boolean]>([
    ['a tombstone of 29 days is kept', { added: 0, deleted: 100 * DAY - 29 * DAY }, true],
    ['a tombstone of 31 days is dropped', { added: 0, deleted: 100 * DAY - 31 * DAY }, false],
    ['an old tombstone under a newer subscribe is kept', { added: 90 * DAY, deleted: 10 * DAY }, true],
    ['a live subscription is kept', { added: 1 }, true],
  ])('%s', (_name, subscription, kept) => {
    const d = doc((x) => {
      x.subscriptions[FEED] = { ...subscription, fields: {} };
      x.overrides[`${FEED}\nk`] = ['{}'];
    });
    const out = dropExpiredTombstones(d, 100 * DAY);
    expect(FEED in out.subscriptions).toBe(kept);
    expect(`${FEED}\nk` in out.overrides).toBe(kept);
  });
});

describe('docCovers', () => {
  const AB = mergeDocs(A, B);
  it.each([
    ['a document covers itself', A, A, true],
    ['a merge covers each of its parts', AB, B, true],
    ['an empty document covers nothing new', emptyDoc(), emptyDoc(), true],
    ['a new subscription is not covered', A, doc((d) => (d.subscriptions[OTHER] = { added: 50, fields: {} })), false],
    ['an older value of a field is covered', A, doc((d) => (d.subscriptions[FEED] = { added: 100, fields: { customTitle: ['Old', 140] } })), true],
    ['a newer value of a field is not', A, doc((d) => (d.subscriptions[FEED] = { added: 100, fields: { customTitle: ['New', 151] } })), false],
    ['a newer tombstone is not', A, doc((d) => (d.subscriptions[FEED] = { added: 100, deleted: 101, fields: {} })), false],
    ['an older read mark is covered', A, doc((d) => (d.marks.aaaaaaaaaa = { read: false, stamp: 10 })), true],
    ['a new read mark is not', A, doc((d) => (d.marks.cccccccccc = { read: true, stamp: 10 })), false],
    ['a known override is covered', A, doc((d) => (d.overrides[`${FEED}\nseries`] = [...A.overrides[`${FEED}\nseries`]!])), true],
    ['a new override is not', A, doc((d) => (d.overrides[`${FEED}\nseries`] = ['{"at":3,"kind":"not-series","seriesKey":"series"}'])), false],
    ['key order does not matter', doc((d) => (d.subscriptions[FEED] = { fields: { notify: [false, 120] }, added: 100 } as SyncDoc['subscriptions'][string])), doc((d) => (d.subscriptions[FEED] = { added: 100, fields: { notify: [false, 120] } })), true],
  ])('%s', (_name, base, extra, covered) => {
    expect(docCovers(base, extra)).toBe(covered);
  });
});
