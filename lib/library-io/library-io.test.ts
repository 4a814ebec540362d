import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { addSubscription, getSettings, listSubscriptions, openDatabase, setRead, setSeriesOverrides, subscriptionPosts, updateSettings, upsertPosts } from '../db';
import { useTestDatabase } from '../db/test-support';
import { REFRESH_MINUTES_BOUNDS } from '../db/settings';
import { clampIntervalMinutes } from '../refresh/schedule';
import { parseOpml } from '../opml/parse-opml';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { exportBackup } from './export-backup';
import { exportSubscriptionsOpml } from './export-opml';
import { importBackup } from './import-backup';
import { importOpml } from './import-opml';

const NOW = Date.UTC(2026, 10, 1);

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Python">
    <outline type="rss" text="Modern Python" xmlUrl="https://python.test/feed.atom" htmlUrl="https://python.test/"/>
    <outline type="rss" text="ASGI dives" xmlUrl="https://asgi.test/rss.xml"/>
  </outline>
  <outline type="rss" text="Daily &lt;b&gt;Backend&lt;/b&gt;" xmlUrl="https://daily.test/feed.json"/>
  <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

describe('OPML import and export', () => {
  const db = useTestDatabase();

  it('imports feeds with folders as tags, reports skipped entries, and exports the same list back', async () => {
    const report = await importOpml(db(), OPML, NOW);
    expect(report).toMatchObject({ added: 3, skipped: 1 });
    expect(report.problems[0]).toMatch(/Broken/);
    const subscriptions = await listSubscriptions(db());
    expect(subscriptions.map((s) => [s.feedUrl, s.tags, s.title]).sort()).toEqual([
      ['https://asgi.test/rss.xml', ['Python'], 'ASGI dives'],
      ['https://daily.test/feed.json', [], 'Daily Backend'],
      ['https://python.test/feed.atom', ['Python'], 'Modern Python'],
    ]);
    expect(subscriptions.every((s) => s.status === 'new' && s.nextCheckAt === NOW)).toBe(true);
    const exported = parseOpml(await exportSubscriptionsOpml(db(), new Date(NOW)));
    const byUrl = (a: { feedUrl: string }, b: { feedUrl: string }) => a.feedUrl.localeCompare(b.feedUrl);
    expect(exported.feeds.sort(byUrl)).toEqual(parseOpml(OPML).feeds.sort(byUrl));
  });

  it('reports feeds already subscribed instead of duplicating them', async () => {
    await addSubscription(db(), { feedUrl: 'https://asgi.test/rss.xml', title: 'ASGI' }, NOW);
    const report = await importOpml(db(), OPML, NOW);
    expect(report.added).toBe(2);
    expect(report.problems).toContain('Already subscribed: ASGI dives');
    expect(await db().subscriptions.count()).toBe(3);
  });

  it('imports 1,000 feeds in one go', async () => {
    const outlines = Array.from({ length: 1000 }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="https://blog${i}.test/feed"/>`).join('');
    const report = await importOpml(db(), `<opml version="1.0"><body>${outlines}</body></opml>`, NOW);
    expect(report.added).toBe(1000);
    expect(await db().subscriptions.count()).toBe(1000);
  });
});

describe('backup', () => {
  const db = useTestDatabase();

  it('survives a wipe: subscriptions, read state, series overrides and settings come back', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://asgi.test/rss.xml', title: 'ASGI', tags: ['Python'] }, NOW);
    const { added } = await upsertPosts(db(), sub.id, [
      { guid: 'p1', url: 'https://asgi.test/p1', title: 'Part 1', authors: [], categories: [] },
      { guid: 'p2', url: 'https://asgi.test/p2', title: 'Part 2', authors: [], categories: [] },
    ], NOW);
    await setRead(db(), [added[0]!.id], true, NOW + 1000);
    await setSeriesOverrides(db(), sub.id, 'asgi', [{ kind: 'rename', seriesKey: 'asgi', name: 'ASGI from scratch', at: NOW }]);
    await updateSettings(db(), { markMode: 'dwell', dwellSeconds: 20 });
    const text = await exportBackup(db(), new Date(NOW));

    const fresh = openDatabase(`restore-${crypto.randomUUID()}`);
    try {
      const report = await importBackup(fresh, text, NOW);
      expect(report).toMatchObject({ added: 1, problems: [] });
      const [restored] = await listSubscriptions(fresh);
      expect(restored).toMatchObject({ feedUrl: 'https://asgi.test/rss.xml', tags: ['Python'] });
      // p1 is not fetched yet in the new library: its mark waits for it.
      expect(await fresh.posts.count()).toBe(0);
      expect((await fresh.pendingReadMarks.toArray()).map((row) => row.marks)).toEqual([{ p1: { readAt: NOW + 1000, title: 'Part 1', url: 'https://asgi.test/p1' } }]);
      expect((await fresh.series.toArray()).flatMap((s) => s.overrides)).toEqual([{ kind: 'rename', seriesKey: 'asgi', name: 'ASGI from scratch', at: NOW }]);
      expect(await getSettings(fresh)).toMatchObject({ markMode: 'dwell', dwellSeconds: 20 });
      // The feed's next refresh stores p1 read, as of when it was read, and p2 unread; the mark is used up.
      await upsertPosts(fresh, restored!.id, [
        { guid: 'p1', url: 'https://asgi.test/p1', title: 'Part 1', authors: [], categories: [] },
        { guid: 'p2', url: 'https://asgi.test/p2', title: 'Part 2', authors: [], categories: [] },
      ], NOW + 5000);
      const stored = await fresh.posts.orderBy('[subscriptionId+guid]').toArray();
      expect(stored.map((p) => [p.guid, p.unread, p.readAt])).toEqual([['p1', 0, NOW + 1000], ['p2', 1, undefined]]);
      expect(await fresh.pendingReadMarks.count()).toBe(0);
      // A backup made meanwhile carries the marks still waiting.
      expect(JSON.parse(await exportBackup(fresh, new Date(NOW))).subscriptions[0].read.map((m: { postId: string }) => m.postId)).toEqual(['p1']);
    } finally {
      fresh.close();
      await Dexie.delete(fresh.name);
    }
  });

  it('merges read marks as a union and keeps the earlier time', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://asgi.test/rss.xml', title: 'ASGI' }, NOW);
    const { added } = await upsertPosts(db(), sub.id, [
      { guid: 'p1', title: 'Part 1', authors: [], categories: [] },
      { guid: 'p2', title: 'Part 2', authors: [], categories: [] },
    ], NOW);
    await setRead(db(), [added[1]!.id], true, NOW + 50);
    const backup = JSON.parse(await exportBackup(db(), new Date(NOW))) as { subscriptions: { read: unknown[] }[] };
    backup.subscriptions[0]!.read = [
      { postId: 'p1', readAt: new Date(NOW + 10).toISOString() },
      { postId: 'p2', readAt: new Date(NOW + 20).toISOString() },
    ];
    await importBackup(db(), JSON.stringify(backup), NOW);
    const posts = await subscriptionPosts(db(), sub.id).sortBy('guid');
    expect(posts.map((p) => [p.guid, p.unread, p.readAt])).toEqual([
      ['p1', 0, NOW + 10],
      ['p2', 0, NOW + 20],
    ]);
  });

  it.each([
    ['not JSON', '{"format": "partwise-backup", '],
    ['a foreign file', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [] })],
    ['a future version', JSON.stringify({ format: 'partwise-backup', version: 99, exportedAt: '2026-11-01T00:00:00Z', settings: {}, subscriptions: [] })],
    ['a bad field', JSON.stringify({ format: 'partwise-backup', version: 1, exportedAt: '2026-11-01T00:00:00Z', settings: {}, subscriptions: [{ feedUrl: 'javascript:alert(1)' }] })],
  ])('refuses %s without touching the library', async (_name, text) => {
    await addSubscription(db(), { feedUrl: 'https://keep.test/feed', title: 'Keep me' }, NOW);
    await expect(importBackup(db(), text, NOW)).rejects.toThrow();
    expect((await listSubscriptions(db())).map((s) => s.title)).toEqual(['Keep me']);
  });

  const backupOf = (subscriptions: object[], settings: object = {}) =>
    JSON.stringify({ format: 'partwise-backup', version: 1, exportedAt: new Date(NOW).toISOString(), settings, subscriptions });
  const entry = (feedUrl: string, patch: object = {}) => ({
    feedUrl,
    title: feedUrl,
    tags: [],
    notify: true,
    markOnVisit: true,
    createdAt: new Date(NOW).toISOString(),
    read: [],
    seriesOverrides: [],
    ...patch,
  });

  it('never creates a series row without a key, even for a post taken out of any series', async () => {
    const text = backupOf([
      entry('https://asgi.test/rss.xml', {
        seriesOverrides: [
          { kind: 'move', postId: 'p9', seriesKey: null, at: NOW },
          { kind: 'rename', seriesKey: 'asgi', name: 'ASGI from scratch', at: NOW + 1 },
        ],
      }),
      entry('https://lonely.test/rss.xml', { seriesOverrides: [{ kind: 'move', postId: 'x', seriesKey: null, at: NOW }] }),
    ]);
    const report = await importBackup(db(), text, NOW);
    const rows = await db().series.toArray();
    expect(rows.map((row) => row.key).sort()).toEqual(['asgi']);
    // The move is kept with the feed's other corrections, so the next refresh still applies it.
    expect(rows[0]!.overrides).toContainEqual({ kind: 'move', postId: 'p9', seriesKey: null, at: NOW });
    expect(report.problems).toEqual([expect.stringMatching(/^https:\/\/lonely\.test\/rss\.xml: a correction taking a post out of a series was not restored/)]);
  });

  it.each<[number, number]>([
    [1, REFRESH_MINUTES_BOUNDS.min],
    [43_200, REFRESH_MINUTES_BOUNDS.max],
    [60, 60],
  ])('brings a restored refresh interval of %i minutes within the one bound (%i)', async (stored, restored) => {
    await importBackup(db(), backupOf([entry('https://asgi.test/rss.xml', { refreshMinutes: stored })]), NOW);
    const [subscription] = await listSubscriptions(db());
    expect(subscription!.refreshMinutes).toBe(restored);
  });

  it('has one bound for the refresh interval: the setting, a feed’s own and a server’s hint agree', async () => {
    for (const minutes of [REFRESH_MINUTES_BOUNDS.min - 1, REFRESH_MINUTES_BOUNDS.max + 1]) {
      await expect(updateSettings(db(), { defaultRefreshMinutes: minutes })).rejects.toThrow(/Invalid setting/);
    }
    for (const minutes of [REFRESH_MINUTES_BOUNDS.min, REFRESH_MINUTES_BOUNDS.max]) {
      await expect(updateSettings(db(), { defaultRefreshMinutes: minutes })).resolves.toMatchObject({ defaultRefreshMinutes: minutes });
    }
    expect([clampIntervalMinutes(1), clampIntervalMinutes(1e9)]).toEqual([REFRESH_MINUTES_BOUNDS.min, REFRESH_MINUTES_BOUNDS.max]);
  });

  it.each<[string, boolean, boolean]>([
    ['without access to all sites', false, false],
    ['with access to all sites', true, true],
  ])('restores “allow all sites” only %s', async (_name, granted, expected) => {
    const report = await importBackup(db(), backupOf([], { allowAllSites: true, markMode: 'scroll' }), NOW, { allSitesGranted: granted });
    expect(await getSettings(db())).toMatchObject({ allowAllSites: expected, markMode: 'scroll' });
    expect(report.problems).toHaveLength(granted ? 0 : 1);
  });

  it('finds a waiting mark by its post\'s address when the feed changed the guid, and keeps its address across imports', async () => {
    const mark = (postId: string, url: string, at: number) => ({ postId, url, title: postId, readAt: new Date(NOW + at).toISOString() });
    await importBackup(db(), backupOf([entry('https://asgi.test/rss.xml', { read: [mark('old-1', 'https://asgi.test/p1', 1), mark('p2', 'https://asgi.test/p2', 2)] })]), NOW);
    // A second restore of another backup: the marks already waiting keep their addresses.
    await importBackup(db(), backupOf([entry('https://asgi.test/rss.xml', { read: [mark('p3', 'https://asgi.test/p3', 3)] })]), NOW);
    const [sub] = await listSubscriptions(db());
    const waiting = await db().pendingReadMarks.get(sub!.id);
    expect(Object.values(waiting!.marks).map((m) => m.url)).toEqual(['https://asgi.test/p1', 'https://asgi.test/p2', 'https://asgi.test/p3']);
    const incoming = (guid: string, url: string) => ({ guid, url, normalizedUrl: safeNormalizeArticleUrl(url)!, title: guid, authors: [], categories: [] });
    // The feed now names p1 by a new guid and tracks its link; p2 keeps its guid.
    await upsertPosts(db(), sub!.id, [incoming('new-1', 'https://asgi.test/p1?utm_source=rss'), incoming('p2', 'https://asgi.test/p2')], NOW + 10);
    const stored = await subscriptionPosts(db(), sub!.id).toArray();
    expect(stored.map((p) => [p.guid, p.unread, p.readAt]).sort()).toEqual([['new-1', 0, NOW + 1], ['p2', 0, NOW + 2]]);
    // What is used up leaves both maps: p3 alone still waits, by guid and by address.
    expect(await db().pendingReadMarks.get(sub!.id)).toEqual({
      subscriptionId: sub!.id,
      marks: { p3: { readAt: NOW + 3, url: 'https://asgi.test/p3', title: 'p3' } },
      byUrl: { [safeNormalizeArticleUrl('https://asgi.test/p3')!]: 'p3' },
    });
  });

  it('writes read marks in bulk: one bulk write per subscription, not one write per mark', async () => {
    const marks = Array.from({ length: 2_000 }, (_, i) => ({ postId: `p${i}`, url: `https://asgi.test/p${i}`, title: `Post ${i}`, readAt: new Date(NOW + i).toISOString() }));
    const sub = await addSubscription(db(), { feedUrl: 'https://asgi.test/rss.xml', title: 'ASGI' }, NOW);
    await upsertPosts(db(), sub.id, [{ guid: 'p0', url: 'https://asgi.test/p0', title: 'Post 0', authors: [], categories: [] }], NOW);
    const writes = {
      add: vi.spyOn(db().posts, 'add'),
      update: vi.spyOn(db().posts, 'update'),
      put: vi.spyOn(db().posts, 'put'),
      bulkAdd: vi.spyOn(db().posts, 'bulkAdd'),
      bulkPut: vi.spyOn(db().posts, 'bulkPut'),
    };
    const pending = vi.spyOn(db().pendingReadMarks, 'put');
    await importBackup(db(), backupOf([entry('https://asgi.test/rss.xml', { read: marks })]), NOW);
    expect([writes.add, writes.update, writes.put, writes.bulkAdd].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0]);
    // The fetched post is marked read; the 1,999 others wait for their posts, in one row written once.
    expect([writes.bulkPut, pending].map((spy) => spy.mock.calls.length)).toEqual([1, 1]);
    expect(await db().posts.where('[subscriptionId+unread]').equals([sub.id, 0]).count()).toBe(1);
    expect(Object.keys((await db().pendingReadMarks.get(sub.id))!.marks)).toHaveLength(1_999);
  });
});
