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
});
