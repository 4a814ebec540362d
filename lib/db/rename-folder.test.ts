import { describe, expect, it } from 'vitest';
import { addSubscription } from '.';
import { renameFolder } from './rename-folder';
import { T0, useTestDatabase } from './test-support';

describe('renameFolder', () => {
  const db = useTestDatabase();

  it('moves the feeds of a folder and of the folders inside it, and no other', async () => {
    const add = (n: number, tags: string[]) => addSubscription(db(), { feedUrl: `https://b${n}.test/feed`, title: `B${n}`, tags }, T0);
    await add(1, ['Rust']);
    await add(2, ['Rust', 'Async']);
    await add(3, ['Rusty']);
    await add(4, []);
    expect(await renameFolder(db(), 'Rust', 'Systems')).toBe(2);
    expect((await db().subscriptions.toArray()).map((s) => s.tags)).toEqual([['Systems'], ['Systems', 'Async'], ['Rusty'], []]);
  });
});
