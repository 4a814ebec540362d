import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addSubscription, setRead, upsertPosts, type IncomingPost } from '../db';
import { useTestDatabase } from '../db/test-support';
import { decodeItems, encodeDoc } from './encode';
import { markHash } from './mark-hash';
import { mergeDocs } from './merge';
import { syncReadMarks, syncSettings, syncSubscriptionChanged, syncUnsubscribed } from './record-local';
import { SYNC_ALARM } from './schedule-flush';
import { emptyDoc, toStamp } from './sync-doc';
import { flushSync, receiveSync } from './sync-engine';
import { readPending, readStatus, setSyncEnabled, writeWriteLog } from './sync-store';
import { nextWriteAt, WRITE_BUDGET } from './write-budget';

const NOW = Date.UTC(2026, 10, 1);

afterEach(() => {
  vi.restoreAllMocks();
});
const FEED = 'https://blog.test/feed.xml';

function posts(count: number): IncomingPost[] {
  return Array.from({ length: count }, (_, i) => ({ guid: `g${i}`, url: `https://blog.test/p/${i}`, normalizedUrl: `blog.test/p/${i}`, title: `Post ${i}`, authors: [], categories: [], published: NOW - i * 1000 }));
}

/** Counts storage.sync write operations (each set or remove call is one, as browsers count them). */
function countWrites() {
  const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
  const remove = vi.spyOn(fakeBrowser.storage.sync, 'remove');
  return () => set.mock.calls.length + remove.mock.calls.length;
}

describe('sending changes', () => {
  const db = useTestDatabase();
  const afterApply = vi.fn(async () => undefined);

  async function seed(count: number) {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const { added } = await upsertPosts(db(), sub.id, posts(count), NOW);
    return { sub, ids: added.map((p) => p.id) };
  }

  it('sends a “Mark all read” of 3,000 posts in one write, after one scheduled alarm', async () => {
    const { sub, ids } = await seed(3_000);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    await setRead(db(), ids, true, NOW);
    const writes = countWrites();
    await syncReadMarks(db(), ids, true, NOW);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([SYNC_ALARM]);
    await flushSync(db(), NOW + 5_000, afterApply);
    console.log(`“Mark all read” of 3,000 posts: ${writes()} storage.sync write operation(s)`);
    expect(writes()).toBe(1);
    const { doc } = decodeItems(await fakeBrowser.storage.sync.get(null));
    expect(Object.values(doc.marks).filter((m) => m.read)).toHaveLength(3_000);
    expect(Object.keys(doc.subscriptions)).toEqual([FEED]);
    expect(await readPending()).toEqual(emptyDoc());
    expect(await readStatus()).toMatchObject({ lastSentAt: NOW + 5_000 });
  });

  it('keeps one alarm for a burst of changes (debounced), due at the first change’s deadline', async () => {
    const { sub, ids } = await seed(20);
    for (let i = 0; i < 20; i++) {
      await setRead(db(), [ids[i]!], true, NOW + i * 100);
      await syncReadMarks(db(), [ids[i]!], true, NOW + i * 100);
    }
    await syncSubscriptionChanged(db(), sub.id, NOW + 2_500, ['notify']);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.scheduledTime).toBe(NOW + 5_000);
    expect(Object.keys((await readPending()).marks)).toHaveLength(20);
  });

  it('waits for the write budget instead of writing past it', async () => {
    const { ids } = await seed(1);
    await writeWriteLog(Array.from({ length: WRITE_BUDGET.perMinute }, (_, i) => NOW - 30_000 + i));
    await syncReadMarks(db(), ids, false, NOW);
    const writes = countWrites();
    await flushSync(db(), NOW, afterApply);
    expect(writes()).toBe(0);
    const alarm = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(alarm?.scheduledTime).toBe(NOW + 30_000);
    expect(Object.keys((await readPending()).marks)).toHaveLength(1);
  });

  it('keeps every local change and says what did not sync when the quota is exceeded', async () => {
    const { sub, ids } = await seed(10);
    await setRead(db(), ids, true, NOW);
    await syncReadMarks(db(), ids, true, NOW);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await flushSync(db(), NOW, afterApply);
    const status = await readStatus();
    expect(status.failure).toEqual({ at: NOW, message: 'Changes could not be sent: QUOTA_BYTES quota exceeded', unsynced: ['1 subscription change', '10 read marks'] });
    expect(Object.keys((await readPending()).marks)).toHaveLength(10);
    expect(await db().posts.where('[unread+sortAt]').between([0, 0], [0, Infinity]).count()).toBe(10);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(NOW + 5 * 60_000);
  });

  it('records and sends nothing while sync is off, and deletes nothing', async () => {
    const { ids } = await seed(3);
    await setSyncEnabled(false);
    await setRead(db(), ids, true, NOW);
    await syncReadMarks(db(), ids, true, NOW);
    await syncSettings({ theme: 'dark' }, NOW);
    const writes = countWrites();
    await flushSync(db(), NOW, afterApply);
    expect(writes()).toBe(0);
    expect(await readPending()).toEqual(emptyDoc());
    expect(await db().posts.count()).toBe(3);
  });
});

describe('receiving changes', () => {
  const db = useTestDatabase();

  async function remote(build: (doc: ReturnType<typeof emptyDoc>) => void) {
    const doc = emptyDoc();
    build(doc);
    await fakeBrowser.storage.sync.set(encodeDoc(doc).items);
  }

  it('adds a subscription from another device, hands it over to be fetched, and applies its read marks', async () => {
    await remote((doc) => {
      doc.subscriptions[FEED] = { added: toStamp(NOW), fields: { customTitle: ['My blog', toStamp(NOW)], notify: [false, toStamp(NOW)] } };
      doc.marks[markHash({ normalizedUrl: 'blog.test/p/1', guid: 'g1' }, FEED)] = { read: true, stamp: toStamp(NOW) };
      doc.settings.theme = ['dark', toStamp(NOW)];
    });
    const fetched: number[] = [];
    const afterApply = vi.fn(async (result: { added: number[] }) => {
      fetched.push(...result.added);
      await upsertPosts(db(), result.added[0]!, posts(3), NOW);
    });
    await receiveSync(db(), NOW, afterApply, { s0: { newValue: 'x' } });
    const [sub] = await db().subscriptions.toArray();
    expect(sub).toMatchObject({ feedUrl: FEED, customTitle: 'My blog', notify: false });
    expect(fetched).toEqual([sub!.id]);
    expect(await readStatus()).toMatchObject({ lastReceivedAt: NOW });
    // Posts fetched after the marks arrived are marked when they land (run-refresh applies them).
    const { applySyncedReadMarks } = await import('./sync-engine');
    await applySyncedReadMarks(db());
    expect((await db().posts.toArray()).filter((p) => p.unread === 0).map((p) => p.guid)).toEqual(['g1']);
    // Applying again changes nothing (idempotent).
    expect(await applySyncedReadMarks(db())).toEqual([]);
  });

  it('drops a subscription unsubscribed elsewhere, and an “unread again” wins over an older read', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const { added } = await upsertPosts(db(), sub.id, posts(2), NOW);
    await setRead(db(), [added[0]!.id], true, NOW);
    await remote((doc) => (doc.marks[markHash(added[0]!, FEED)] = { read: false, stamp: toStamp(NOW) + 60 }));
    await receiveSync(db(), NOW, async () => undefined, { m0: { newValue: 'x' } });
    expect((await db().posts.get(added[0]!.id))?.unread).toBe(1);
    await remote((doc) => (doc.subscriptions[FEED] = { added: toStamp(NOW) - 10, deleted: toStamp(NOW) + 120, fields: {} }));
    await receiveSync(db(), NOW, async () => undefined, { s0: { newValue: 'x' } });
    expect(await db().subscriptions.count()).toBe(0);
  });

  it('does not undo a local unsubscribe that is not sent yet', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await remote((doc) => (doc.subscriptions[FEED] = { added: toStamp(NOW) - 100, fields: {} }));
    await syncUnsubscribed(db(), sub.id, false, NOW);
    await db().subscriptions.delete(sub.id);
    await receiveSync(db(), NOW, async () => undefined, { s0: { newValue: 'x' } });
    expect(await db().subscriptions.count()).toBe(0);
  });

  it('ignores the echo of its own write', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    await flushSync(db(), NOW, async () => undefined);
    const items = await fakeBrowser.storage.sync.get(null);
    const afterApply = vi.fn(async () => undefined);
    await receiveSync(db(), NOW, afterApply, Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])));
    expect(afterApply).not.toHaveBeenCalled();
  });
});

describe('a write of another device that lands during a send', () => {
  const db = useTestDatabase();
  const OTHER = 'https://other.test/feed.xml';
  const otherDoc = () => {
    const doc = emptyDoc();
    doc.subscriptions[OTHER] = { added: toStamp(NOW), fields: {} };
    doc.marks[markHash({ normalizedUrl: 'other.test/p/1', guid: 'o1' }, OTHER)] = { read: true, stamp: toStamp(NOW) };
    return doc;
  };
  // The change event of `theirs` arriving, over `ours` when this browser had written those items.
  const asChanges = (theirs: Record<string, unknown>, ours: Record<string, unknown> = {}) =>
    Object.fromEntries(Object.entries(theirs).map(([key, value]) => [key, { oldValue: ours[key], newValue: value }]));

  it('is sent again after this browser’s send wrote over it (storage.sync has no compare-and-set)', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    // The other device's items land after this send read storage.sync and before it writes.
    const theirs = encodeDoc(otherDoc()).items;
    const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementationOnce(async (items) => {
      await set(theirs);
      await set(items);
    });
    await flushSync(db(), NOW, async () => undefined);
    expect(Object.keys(decodeItems(await fakeBrowser.storage.sync.get(null)).doc.subscriptions)).toEqual([FEED]);
    vi.restoreAllMocks();
    const afterApply = vi.fn(async () => undefined);
    await receiveSync(db(), NOW + 1_000, afterApply, asChanges(theirs));
    expect(Object.keys((await readPending()).subscriptions)).toEqual([OTHER]);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(NOW + 1_000 + 5_000);
    expect((await db().subscriptions.toArray()).map((s) => s.feedUrl).sort()).toEqual([FEED, OTHER].sort());
    await flushSync(db(), NOW + 6_000, async () => undefined);
    const { doc } = decodeItems(await fakeBrowser.storage.sync.get(null));
    expect(Object.keys(doc.subscriptions).sort()).toEqual([FEED, OTHER].sort());
    expect(doc.marks).toEqual(otherDoc().marks);
    expect(await readPending()).toEqual(emptyDoc());
  });

  it('costs no write when the overwritten copy was only superseded by a newer one of the same device', async () => {
    const first = encodeDoc(otherDoc()).items;
    await fakeBrowser.storage.sync.set(first);
    const early = asChanges(first);
    const second = otherDoc();
    second.subscriptions[OTHER]!.fields.notify = [false, toStamp(NOW) + 10];
    second.marks[markHash({ normalizedUrl: 'other.test/p/2', guid: 'o2' }, OTHER)] = { read: true, stamp: toStamp(NOW) + 10 };
    await fakeBrowser.storage.sync.set(encodeDoc(second).items);
    await receiveSync(db(), NOW, async () => undefined, early);
    const writes = countWrites();
    await flushSync(db(), NOW + 5_000, async () => undefined);
    expect(writes()).toBe(0);
    expect(decodeItems(await fakeBrowser.storage.sync.get(null)).doc).toEqual(second);
    expect(await readPending()).toEqual(emptyDoc());
  });

  it('keeps this browser’s write of an item that another device’s concurrent write replaced', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    await flushSync(db(), NOW, async () => undefined);
    const ours = await fakeBrowser.storage.sync.get(null);
    // The sync server kept the other device's copy of the same items, written without this one's.
    const theirs = encodeDoc(otherDoc()).items;
    await fakeBrowser.storage.sync.set(theirs);
    await receiveSync(db(), NOW + 1_000, async () => undefined, asChanges(theirs, ours));
    expect(Object.keys((await readPending()).subscriptions)).toEqual([FEED]);
    expect((await db().subscriptions.toArray()).map((s) => s.feedUrl).sort()).toEqual([FEED, OTHER].sort());
    await flushSync(db(), NOW + 6_000, async () => undefined);
    expect(Object.keys(decodeItems(await fakeBrowser.storage.sync.get(null)).doc.subscriptions).sort()).toEqual([FEED, OTHER].sort());
  });

  it('sends nothing again when the other device’s write already holds this browser’s', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    await flushSync(db(), NOW, async () => undefined);
    const ours = await fakeBrowser.storage.sync.get(null);
    // The other device read this one's write, added its own and wrote the merge.
    const merged = mergeDocs(decodeItems(ours).doc, otherDoc());
    const theirs = encodeDoc(merged).items;
    await fakeBrowser.storage.sync.set(theirs);
    await receiveSync(db(), NOW + 1_000, async () => undefined, asChanges(theirs, ours));
    expect(await readPending()).toEqual(emptyDoc());
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });

  it('leaves out an overwritten value it cannot read, and schedules nothing for it', async () => {
    await receiveSync(db(), NOW, async () => undefined, { m0: { newValue: 'not a chunk' } });
    expect(await readPending()).toEqual(emptyDoc());
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });
});

describe('nextWriteAt', () => {
  const MIN = 60_000;
  it.each<[string, number[], number, number]>([
    ['no earlier writes', [], 1, NOW],
    ['budget left this minute', Array(WRITE_BUDGET.perMinute - 1).fill(NOW - 1000), 1, NOW],
    ['minute budget spent: wait for the oldest to age out', Array(WRITE_BUDGET.perMinute).fill(NOW - 1000), 1, NOW - 1000 + MIN],
    ['hour budget spent', Array.from({ length: WRITE_BUDGET.perHour }, (_, i) => NOW - 50 * MIN + i), 2, NOW - 50 * MIN + 1 + 60 * MIN],
  ])('%s', (_name, log, ops, expected) => {
    expect(nextWriteAt(log, NOW, ops)).toBe(expected);
  });
});
