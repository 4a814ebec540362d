import { describe, expect, it } from 'vitest';
import { addSubscription, upsertPosts, type IncomingPost } from '../db';
import { useTestDatabase } from '../db/test-support';
import { assignStoredSeries } from '../refresh/assign-stored-series';
import { editSeries } from './edit-series';

const NOW = Date.UTC(2026, 10, 1);
const titles = [
  'Modern Python FastAPI #1 Getting Started and Setup',
  'Modern Python in Practice #2: Routing, Pydantic Models, and Dependency Injection',
  'Modern Python in Practice #3: Connecting a DB',
  'Modern Python in Practice #4: Authentication',
  'Modern Python Advanced #2: Descriptors and __set_name__',
  'Modern Python Advanced #3: Metaclasses',
];

describe('editSeries', () => {
  const db = useTestDatabase();

  async function seed() {
    const sub = await addSubscription(db(), { feedUrl: 'https://mp.test/feed.atom', title: 'Modern Python' }, NOW);
    const incoming: IncomingPost[] = titles.map((title, i) => ({ guid: `g${i}`, title, authors: [], categories: [], published: NOW + i * 1000 }));
    await upsertPosts(db(), sub.id, incoming, NOW);
    await assignStoredSeries(db(), sub.id);
    const posts = await db().posts.toArray();
    const keyOf = (guid: string) => posts.find((p) => p.guid === guid)!.seriesKey!;
    return { sub, posts, practice: keyOf('g1'), advanced: keyOf('g4') };
  }

  async function seriesOf() {
    const posts = await db().posts.toArray();
    const rows = await db().series.toArray();
    const names = new Map(rows.map((r) => [r.key, r.name]));
    return Object.fromEntries(posts.map((p) => [p.guid, p.seriesKey ? `${names.get(p.seriesKey)}#${p.part}` : null]));
  }

  it('keeps two series that share a prefix apart', async () => {
    const { practice, advanced } = await seed();
    expect(practice).not.toBe(advanced);
  });

  it('renames a series', async () => {
    const { sub, practice } = await seed();
    await editSeries(db(), { kind: 'rename', subscriptionId: sub.id, seriesKey: practice, name: 'FastAPI in Practice' }, NOW);
    expect((await seriesOf()).g3).toBe('FastAPI in Practice#4');
  });

  it('moves the renamed first part into its series, keeping its part number', async () => {
    const { sub, posts, practice } = await seed();
    const first = posts.find((p) => p.guid === 'g0')!;
    await editSeries(db(), { kind: 'move', postId: first.id, seriesKey: practice }, NOW);
    const after = await seriesOf();
    expect(after.g0).toBe(after.g1!.replace('#2', '#1'));
    void sub;
  });

  it('merges two series and can dissolve one', async () => {
    const { sub, practice, advanced } = await seed();
    await editSeries(db(), { kind: 'merge', subscriptionId: sub.id, fromKey: advanced, intoKey: practice }, NOW);
    const merged = await seriesOf();
    expect(merged.g4!.split('#')[0]).toBe(merged.g1!.split('#')[0]);
    await editSeries(db(), { kind: 'not-series', subscriptionId: sub.id, seriesKey: practice }, NOW + 1);
    const dissolved = await seriesOf();
    expect([dissolved.g1, dissolved.g4]).toEqual([null, null]);
  });

  it('refuses an empty name', async () => {
    const { sub, practice } = await seed();
    await expect(editSeries(db(), { kind: 'rename', subscriptionId: sub.id, seriesKey: practice, name: '  ' }, NOW)).rejects.toThrow('A series needs a name.');
  });

  it('starts a series of the reader’s own from standalone posts, numbered by date, and keeps it over a refresh', async () => {
    const sub = await addSubscription(db(), { feedUrl: 'https://dj.test/feed', title: 'Selected posts' }, NOW);
    const channels = ['Django Channels', 'Scaling Django Channels with Redis', 'Testing WebSocket consumers'];
    const incoming: IncomingPost[] = channels.map((title, i) => ({ guid: `c${i}`, title, authors: [], categories: [], published: NOW - i * 1000 }));
    await upsertPosts(db(), sub.id, [...incoming, { guid: 'other', title: 'Unrelated', authors: [], categories: [], published: NOW }], NOW);
    await assignStoredSeries(db(), sub.id);
    const ids = (await db().posts.toArray()).filter((p) => p.guid.startsWith('c')).map((p) => p.id);
    await editSeries(db(), { kind: 'new-series', subscriptionId: sub.id, name: ' Django Channels ', postIds: ids }, NOW);
    await assignStoredSeries(db(), sub.id);
    expect(await seriesOf()).toEqual({ c2: 'Django Channels#1', c1: 'Django Channels#2', c0: 'Django Channels#3', other: null });
  });

  it.each([
    ['no posts', [] as number[], 'Django', 'Choose the posts of the new series.'],
    ['no name', [1], ' ', 'A series needs a name.'],
    ['a post that is gone', [999], 'Django', 'Some of these posts are no longer in your library.'],
  ])('refuses a new series with %s', async (_case, postIds, name, message) => {
    const { sub } = await seed();
    await expect(editSeries(db(), { kind: 'new-series', subscriptionId: sub.id, name, postIds }, NOW)).rejects.toThrow(message);
  });
});
