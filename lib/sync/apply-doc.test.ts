import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_SYNCED_MARKS } from './encode';
import { addSubscription, getSeriesOverrides, getSettings, updateSubscription, upsertPosts, type DeclaredSeries } from '../db';
import { useTestDatabase } from '../db/test-support';
import { applySyncDoc } from './apply-doc';
import { syncSeriesOverrides, syncSubscriptionChanged, syncWholeLibrary } from './record-local';
import { emptyDoc, overridesKey, toStamp } from './sync-doc';
import { readPending, writePending } from './sync-store';

const NOW = Date.UTC(2026, 10, 1);
const FEED = 'https://blog.test/feed.xml';

describe('recording local changes', () => {
  const db = useTestDatabase();

  it('sends only what a new subscription changed from the defaults, and only the edited field of an edit', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog', notify: false }, NOW - 1000);
    await syncSubscriptionChanged(db(), sub.id, NOW);
    expect((await readPending()).subscriptions[FEED]).toEqual({ added: toStamp(NOW), fields: { notify: [false, toStamp(NOW)] } });
    await updateSubscription(db(), sub.id, { customTitle: 'Mine', refreshMinutes: 60 });
    await syncSubscriptionChanged(db(), sub.id, NOW + 60_000, ['customTitle']);
    expect((await readPending()).subscriptions[FEED]!.fields).toEqual({ notify: [false, toStamp(NOW)], customTitle: ['Mine', toStamp(NOW + 60_000)] });
  });

  it('records the whole library with the times things happened here', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW - 86_400_000);
    const { added } = await upsertPosts(db(), sub.id, [{ guid: 'a', url: 'https://blog.test/a', normalizedUrl: 'blog.test/a', title: 'A', authors: [], categories: [] }], NOW);
    await db().posts.update(added[0]!.id, { unread: 0, readAt: NOW - 5_000 });
    const { updateSettings } = await import('../db');
    await updateSettings(db(), { theme: 'dark', allowAllSites: true });
    await syncWholeLibrary(db(), NOW);
    const pending = await readPending();
    expect(pending.settings).toEqual({ theme: ['dark', 0] });
    expect(pending.subscriptions[FEED]).toEqual({ added: toStamp(NOW - 86_400_000), fields: {} });
    expect(Object.values(pending.marks)).toEqual([{ read: true, stamp: toStamp(NOW - 5_000) }]);
  });

  it('records only the newest read marks storage.sync could ever hold', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW - 86_400_000);
    const total = MAX_SYNCED_MARKS + 50;
    // Read at NOW - i seconds: the 50 with the largest i are the oldest and must be left out.
    const posts = Array.from({ length: total }, (_, i) => ({ subscriptionId: sub.id, guid: `g${i}`, title: `P${i}`, authors: [], categories: [], firstSeenAt: NOW, sortAt: NOW, unread: 0 as const, readAt: NOW - i * 1000 }));
    await db().posts.bulkAdd(posts as never);
    await syncWholeLibrary(db(), NOW);
    const stamps = Object.values((await readPending()).marks).map((mark) => mark.stamp);
    expect(stamps).toHaveLength(MAX_SYNCED_MARKS);
    expect(Math.min(...stamps)).toBe(toStamp(NOW - (MAX_SYNCED_MARKS - 1) * 1000));
  });

  it('stamps the subscriptions an import just added as subscribed now, after an earlier unsubscribe, in one write', async () => {
    const old = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW - 86_400_000);
    const fresh = await addSubscription(db(), { feedUrl: 'https://other.test/feed.xml', title: 'Other' }, NOW - 86_400_000);
    const tombstone = emptyDoc();
    tombstone.subscriptions['https://other.test/feed.xml'] = { added: toStamp(NOW - 90_000_000), deleted: toStamp(NOW) + 5, fields: {} };
    await writePending(tombstone);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await syncWholeLibrary(db(), NOW, new Set([fresh.id]));
    const pending = await readPending();
    expect(pending.subscriptions[FEED]!.added).toBe(toStamp(old.createdAt));
    expect(pending.subscriptions['https://other.test/feed.xml']!.added).toBe(toStamp(NOW) + 6);
    expect(writes.mock.calls.filter(([items]) => Object.keys(items).some((key) => key.includes('pending')))).toHaveLength(1);
    writes.mockRestore();
  });
});

describe('applySyncDoc', () => {
  const db = useTestDatabase();

  it.each<[string, number, boolean]>([
    ['an unsubscribe made after the local subscribe removes it', 60, false],
    ['an unsubscribe made before the local subscribe (a restore under way) leaves it', -60, true],
    ['an unsubscribe in the same second as the local subscribe leaves it', 0, true],
  ])('%s', async (_name, offsetSeconds, kept) => {
    await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const doc = emptyDoc();
    doc.subscriptions[FEED] = { added: toStamp(NOW) - 3_600, deleted: toStamp(NOW) + offsetSeconds, fields: {} };
    await applySyncDoc(db(), doc, NOW + 120_000);
    expect(await db().subscriptions.count()).toBe(kept ? 1 : 0);
  });

  function remoteDoc() {
    const doc = emptyDoc();
    doc.subscriptions[FEED] = { added: toStamp(NOW), fields: { customTitle: ['Theirs', toStamp(NOW)], refreshMinutes: [1, toStamp(NOW)], unknownFutureField: [true, toStamp(NOW)] } };
    doc.settings.theme = ['dark', toStamp(NOW)];
    doc.settings.dwellSeconds = [99_999, toStamp(NOW)];
    doc.settings.allowAllSites = [true, toStamp(NOW)];
    doc.overrides[overridesKey(FEED, 'series')] = [JSON.stringify({ kind: 'rename', seriesKey: 'series', name: 'Renamed', at: NOW })];
    return doc;
  }

  it('adds the subscription, its fields (clamped), valid reading settings and overrides; a second apply changes nothing', async () => {
    const first = await applySyncDoc(db(), remoteDoc(), NOW);
    expect(first).toMatchObject({ subscriptionsChanged: true, settingsChanged: true });
    expect(first.added).toHaveLength(1);
    const [sub] = await db().subscriptions.toArray();
    expect(sub).toMatchObject({ feedUrl: FEED, customTitle: 'Theirs', refreshMinutes: 10 });
    const settings = await getSettings(db());
    // Out of bounds is ignored; site access is per browser and never synced.
    expect(settings).toMatchObject({ theme: 'dark', dwellSeconds: 10, allowAllSites: false });
    expect(first.ignored).toEqual(['The synced setting “dwellSeconds” (99999) is not valid here; this browser keeps its own.']);
    expect(await getSeriesOverrides(db(), sub!.id)).toEqual([{ key: 'series', overrides: [{ kind: 'rename', seriesKey: 'series', name: 'Renamed', at: NOW }] }]);
    expect(await applySyncDoc(db(), remoteDoc(), NOW)).toMatchObject({ added: [], subscriptionsChanged: false, settingsChanged: false, postsChanged: 0 });
  });

  it('does not bring back a subscription this browser applied and then lost (a moved feed)', async () => {
    await applySyncDoc(db(), remoteDoc(), NOW);
    await db().subscriptions.clear();
    expect((await applySyncDoc(db(), remoteDoc(), NOW)).added).toEqual([]);
  });

  it('merges overrides recorded here with those from another browser', async () => {
    const sub = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const { setSeriesOverrides } = await import('../db');
    await setSeriesOverrides(db(), sub.id, 'series', [{ kind: 'not-series', seriesKey: 'series', at: NOW - 1 }]);
    await syncSeriesOverrides(db(), sub.id, NOW);
    await applySyncDoc(db(), remoteDoc(), NOW);
    expect((await getSeriesOverrides(db(), sub.id))[0]!.overrides).toHaveLength(2);
  });
});

describe('followed pages and series pages', () => {
  const db = useTestDatabase();
  const PAGE = 'https://site.test/writing';
  const SERIES_A = 'https://blog.test/series/a';
  const SERIES_B = 'https://blog.test/series/b';

  it('sends a followed page’s chosen list and the series pages’ URLs only, never their fetched state', async () => {
    const page = await addSubscription(db(), { feedUrl: PAGE, title: 'Site', listing: { key: 'main>ul.posts', itemsHash: 'abc' } }, NOW);
    await syncSubscriptionChanged(db(), page.id, NOW);
    const feed = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await updateSubscription(db(), feed.id, { seriesPages: [{ url: SERIES_A, etag: '"v1"', bodyHash: 'h', checkedAt: NOW, nextCheckAt: NOW + 1, lastError: 'x' }] });
    await syncSubscriptionChanged(db(), feed.id, NOW + 1000, ['seriesPages']);
    const pending = await readPending();
    expect(pending.subscriptions[PAGE]).toEqual({ added: toStamp(NOW), fields: { page: ['main>ul.posts', toStamp(NOW)] } });
    expect(pending.subscriptions[FEED]!.fields).toEqual({ seriesPages: [[SERIES_A], toStamp(NOW + 1000)] });
  });

  it.each<[string, string, { key?: string }]>([
    ['with its chosen list', 'main>ul.posts', { key: 'main>ul.posts' }],
    ['before its first refresh chose a list (OPML)', '', {}],
  ])('makes a followed page from another browser a followed page here, %s', async (_name, key, listing) => {
    const doc = emptyDoc();
    doc.subscriptions[PAGE] = { added: toStamp(NOW), fields: { page: [key, toStamp(NOW)] } };
    const result = await applySyncDoc(db(), doc, NOW);
    expect(result.added).toHaveLength(1);
    const sub = await db().subscriptions.get(result.added[0]!);
    expect(sub).toMatchObject({ feedUrl: PAGE, listing });
    expect(sub!.listing).toEqual(listing);
    expect(await applySyncDoc(db(), doc, NOW)).toMatchObject({ added: [], subscriptionsChanged: false });
  });

  it('never turns a feed followed here into a page, and ignores a bad list key', async () => {
    await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const doc = emptyDoc();
    doc.subscriptions[FEED] = { added: toStamp(NOW), fields: { page: ['main>ul', toStamp(NOW)] } };
    doc.subscriptions[PAGE] = { added: toStamp(NOW), fields: { page: [42, toStamp(NOW)] } };
    await applySyncDoc(db(), doc, NOW);
    expect((await db().subscriptions.where('feedUrl').equals(FEED).first())!.listing).toBeUndefined();
    expect((await db().subscriptions.where('feedUrl').equals(PAGE).first())!.listing).toBeUndefined();
  });

  it('adds series pages as due, keeps the state of pages known here, and drops removed pages with what they declared', async () => {
    const feed = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    const known = { url: SERIES_A, etag: '"v1"', checkedAt: NOW - 5, nextCheckAt: NOW + 86_400_000 };
    const gone = { url: 'https://blog.test/series/old', checkedAt: NOW - 5 };
    const declared: DeclaredSeries = { source: 'series-page', from: gone.url, name: 'Old', ordered: true, entries: [] };
    await updateSubscription(db(), feed.id, { seriesPages: [known, gone], declaredSeries: [declared] });
    const doc = emptyDoc();
    doc.subscriptions[FEED] = { added: toStamp(NOW), fields: { seriesPages: [[SERIES_A, SERIES_B], toStamp(NOW)] } };
    expect((await applySyncDoc(db(), doc, NOW)).subscriptionsChanged).toBe(true);
    const after = await db().subscriptions.get(feed.id);
    expect(after!.seriesPages).toEqual([known, { url: SERIES_B }]);
    expect(after!.declaredSeries ?? []).toEqual([]);
    expect((await applySyncDoc(db(), doc, NOW)).subscriptionsChanged).toBe(false);
  });

  it.each<[string, unknown]>([
    ['not a list', 'https://blog.test/series/a'],
    ['a script address', ['javascript:alert(1)']],
    ['too many pages', Array.from({ length: 11 }, (_, i) => `https://blog.test/s/${i}`)],
  ])('ignores synced series pages that are %s', async (_name, value) => {
    const feed = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await updateSubscription(db(), feed.id, { seriesPages: [{ url: SERIES_A }] });
    const doc = emptyDoc();
    doc.subscriptions[FEED] = { added: toStamp(NOW), fields: { seriesPages: [value as never, toStamp(NOW)] } };
    await applySyncDoc(db(), doc, NOW);
    expect((await db().subscriptions.get(feed.id))!.seriesPages).toEqual([{ url: SERIES_A }]);
  });
});

describe('subscribe and unsubscribe within one second', () => {
  const db = useTestDatabase();

  it('orders them, so the library keeps the last one', async () => {
    const first = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW);
    await syncSubscriptionChanged(db(), first.id, NOW);
    const { syncUnsubscribed } = await import('./record-local');
    await syncUnsubscribed(db(), first.id, false, NOW + 100);
    await db().subscriptions.delete(first.id);
    const again = await addSubscription(db(), { feedUrl: FEED, title: 'Blog' }, NOW + 200);
    await syncSubscriptionChanged(db(), again.id, NOW + 300);
    await applySyncDoc(db(), await readPending(), NOW + 400);
    expect(await db().subscriptions.count()).toBe(1);
  });
});
