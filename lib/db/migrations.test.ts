import Dexie, { cmp } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/fixtures';
import { deleteRawDatabase, loadFixture, parseStoreSpec, readStoreShapes, type DatabaseFixture } from './load-fixture';
import { unreadCount } from './read-state';
import {
  CURRENT_SCHEMA_VERSION,
  PartwiseDatabase,
  SCHEMA_VERSIONS,
  openDatabase,
  storesAtVersion,
  type SchemaVersion,
} from './schema';
import { getSettings } from './settings';
import { starredPosts } from './stars';
import { postsAtUrls, subscriptionPosts } from './post-lookups';
import { seriesProgress } from './queries';
import { markGroupRead } from './read-state';
import { T0, item } from './test-support';
import { upsertPosts } from './upsert-posts';

const opened: PartwiseDatabase[] = [];
const names: string[] = [];

function freshName(): string {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Rows of every table, sorted by primary key so comparisons ignore storage order. */
async function dump(db: PartwiseDatabase): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.toArray();
    result[table.name] = rows
      .map((row, i) => [keys[i], row] as const)
      .sort(([a], [b]) => cmp(a, b))
      .map(([, row]) => row);
  }
  return result;
}

function sortedRows(fixture: DatabaseFixture, db: PartwiseDatabase): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = fixture.stores[table.name] ?? [];
    const keyOf = (row: unknown): unknown => {
      const path = table.schema.primKey.keyPath;
      const record = row as Record<string, unknown>;
      return Array.isArray(path) ? path.map((p) => record[p]) : record[path as string];
    };
    result[table.name] = [...rows].sort((a, b) => cmp(keyOf(a), keyOf(b)));
  }
  return result;
}

describe('schema declaration', () => {
  it('declares strictly increasing versions ending at CURRENT_SCHEMA_VERSION', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('parses Dexie store specs the way Dexie creates stores', () => {
    expect(parseStoreSpec('++id, &[a+b], *tags, name')).toEqual({
      keyPath: 'id',
      autoIncrement: true,
      indexes: [
        { name: '[a+b]', keyPath: ['a', 'b'], unique: true, multiEntry: false },
        { name: 'tags', keyPath: 'tags', unique: false, multiEntry: true },
        { name: 'name', keyPath: 'name', unique: false, multiEntry: false },
      ],
    });
    expect(parseStoreSpec('[x+y]')).toEqual({ keyPath: ['x', 'y'], autoIncrement: false, indexes: [] });
  });

  it('fixture loader builds the current version exactly as Dexie does', async () => {
    const viaDexie = freshName();
    const db = openDatabase(viaDexie);
    opened.push(db);
    await db.open();
    db.close();
    const viaLoader = freshName();
    await loadFixture(viaLoader, { version: CURRENT_SCHEMA_VERSION, stores: {} });
    expect(await readStoreShapes(viaLoader)).toEqual(await readStoreShapes(viaDexie));
  });

  it('rejects a fixture with a table its version does not have', async () => {
    const name = freshName();
    await expect(loadFixture(name, { version: 1, stores: { nope: [] } })).rejects.toThrow('Table nope');
    await deleteRawDatabase(name);
  });
});

describe('upgrade harness', () => {
  it('runs an appended version over the v1 fixture (rehearsal of a future v2)', async () => {
    const v1 = FIXTURES.find((fixture) => fixture.version === 1);
    if (!v1) throw new Error('v1 fixture missing');
    const rehearsal: SchemaVersion[] = [
      ...SCHEMA_VERSIONS,
      {
        version: CURRENT_SCHEMA_VERSION + 1,
        stores: { posts: `${storesAtVersion(CURRENT_SCHEMA_VERSION)['posts']}, firstSeenAt` },
        upgrade: async (tx) => {
          await tx
            .table('posts')
            .toCollection()
            .modify((post: { title: string }) => {
              post.title = post.title.toUpperCase();
            });
        },
      },
    ];
    const name = freshName();
    await loadFixture(name, v1);
    const db = new PartwiseDatabase(name, rehearsal);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect((await db.posts.get(1))?.title).toBe('BUILDING A B-TREE, PART 1');
    expect(await db.posts.where('firstSeenAt').above(0).count()).toBe(v1.stores['posts']?.length);
    expect(await db.subscriptions.count()).toBe(v1.stores['subscriptions']?.length);
  });
});

describe.each(FIXTURES.map((fixture) => [fixture.version, fixture] as const))(
  'upgrade from the v%i fixture',
  (version, fixture) => {
    it('opens at the current version and keeps every row', async () => {
      expect(Object.keys(storesAtVersion(version)).sort()).toEqual(expect.arrayContaining(Object.keys(fixture.stores).sort()));
      const name = freshName();
      await loadFixture(name, fixture);
      const db = openDatabase(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // Later versions add expectations for transformed rows here; v1 is the current shape.
      expect(await dump(db)).toEqual(sortedRows(fixture, db));
    });

    it('serves the API on upgraded data', async () => {
      const name = freshName();
      await loadFixture(name, fixture);
      const db = openDatabase(name);
      opened.push(db);

      expect(await unreadCount(db)).toBe(2);
      const settings = await getSettings(db);
      expect(settings).toMatchObject({ defaultRefreshMinutes: 45, theme: 'dark', retentionDays: 90 });

      // A known post keeps its read state; a pruned one stays out; new ids continue after the fixture's.
      const result = await upsertPosts(
        db,
        1,
        [
          item('tag:blog.example.com,2025:btree-1', {
            url: 'https://blog.example.com/btree-part-1?utm_source=rss',
            normalizedUrl: 'blog.example.com/btree-part-1',
            title: 'Building a B-tree, part 1 (revised)',
          }),
          item('tag:blog.example.com,2024:intro', { normalizedUrl: 'blog.example.com/intro' }),
          item('fresh'),
        ],
        T0,
      );
      expect(result.updated).toBe(1);
      expect(result.unchanged).toBe(1);
      expect(result.added.map((p) => p.id)).toEqual([8]);
      expect(await db.posts.get(1)).toMatchObject({ unread: 0, readAt: 1759100000000, seriesKey: 'building-a-b-tree' });
    });
  },
);

describe('version 2: fewer post indexes', () => {
  const v1 = FIXTURES.find((fixture) => fixture.version === 1)!;

  async function upgradedV1(): Promise<{ db: PartwiseDatabase; name: string }> {
    const name = freshName();
    await loadFixture(name, v1);
    // Up to version 2 only: the versions after it add indexes of their own.
    const db = new PartwiseDatabase(name, SCHEMA_VERSIONS.filter((step) => step.version <= 2));
    opened.push(db);
    await db.open();
    return { db, name };
  }

  it('drops the indexes others answer and keeps the rest', async () => {
    const { db, name } = await upgradedV1();
    db.close();
    const shapes = await readStoreShapes(name);
    expect(shapes['posts']?.indexes.map((index) => index.name)).toEqual([
      '[subscriptionId+guid]',
      '[subscriptionId+seriesKey]',
      '[subscriptionId+unread]',
      '[unread+sortAt]',
      'normalizedUrl',
      'readAt',
    ]);
    expect(shapes['posts']?.indexes.find((index) => index.name === '[subscriptionId+guid]')?.unique).toBe(true);
  });

  it('answers what the dropped indexes answered, on the upgraded rows', async () => {
    const { db } = await upgradedV1();
    // A subscription's posts (was: subscriptionId).
    expect((await subscriptionPosts(db, 1).toArray()).map((post) => post.id).sort()).toEqual([1, 2, 3]);
    expect(await subscriptionPosts(db, 2).count()).toBe(1);
    // A URL within one subscription (was: [subscriptionId+normalizedUrl]).
    expect((await postsAtUrls(db, 1, ['blog.example.com/btree-part-2']).toArray()).map((post) => post.id)).toEqual([2]);
    expect(await postsAtUrls(db, 2, ['blog.example.com/btree-part-2']).count()).toBe(0);
    // A series' unread posts (was: [unread+subscriptionId+seriesKey]).
    expect(await seriesProgress(db, 1, 'building-a-b-tree')).toEqual({ total: 2, read: 1 });
    expect(await markGroupRead(db, { subscriptionId: 1, seriesKey: 'building-a-b-tree' }, T0)).toEqual([2]);
    expect(await seriesProgress(db, 1, 'building-a-b-tree')).toEqual({ total: 2, read: 2 });
  });
});

describe('version 3: read marks waiting for their posts', () => {
  const v2 = FIXTURES.find((fixture) => fixture.version === 2)!;

  it('adds an empty pendingReadMarks store keyed by subscription, and the next new post it names comes in read', async () => {
    const name = freshName();
    await loadFixture(name, v2);
    const db = openDatabase(name);
    opened.push(db);
    await db.open();
    expect(await db.pendingReadMarks.count()).toBe(0);
    db.close();
    const shapes = await readStoreShapes(name);
    expect(shapes['pendingReadMarks']).toMatchObject({ keyPath: 'subscriptionId', indexes: [] });
    await db.open();
    await db.pendingReadMarks.put({ subscriptionId: 1, marks: { restored: { readAt: T0 - 1 }, later: { readAt: T0 - 2 } } });
    const result = await upsertPosts(db, 1, [item('restored'), item('other')], T0);
    expect(result.added.map((post) => [post.guid, post.unread, post.readAt])).toEqual([['restored', 0, T0 - 1], ['other', 1, undefined]]);
    // The mark used up goes; the one still waiting for its post stays.
    expect(await db.pendingReadMarks.get(1)).toEqual({ subscriptionId: 1, marks: { later: { readAt: T0 - 2 } } });
  });
});

describe('version 4: an index of the starred posts', () => {
  const v3 = FIXTURES.find((fixture) => fixture.version === 3)!;

  it('indexes the posts starred before the upgrade, and only those, newest first', async () => {
    const name = freshName();
    await loadFixture(name, v3);
    const db = openDatabase(name);
    opened.push(db);
    await db.open();
    expect((await starredPosts(db, 10)).map((post) => post.id)).toEqual([1, 7]);
    expect((await starredPosts(db, 1)).map((post) => post.id)).toEqual([1]);
    // The index holds the starred posts only: the other posts cost it nothing.
    expect(await db.posts.orderBy('[starred+sortAt]').count()).toBe(2);
    expect(await db.posts.count()).toBe(4);
    db.close();
    const shapes = await readStoreShapes(name);
    expect(shapes['posts']?.indexes.map((index) => index.name)).toContain('[starred+sortAt]');
    // The read marks waiting since version 3 are still there.
    expect(shapes['pendingReadMarks']).toMatchObject({ keyPath: 'subscriptionId' });
  });
});
