import Dexie, { type Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { addSubscription } from '../db';
import { useTestDatabase } from '../db/test-support';
import { batchedTransactions } from './transaction-batcher';

const NOW = Date.UTC(2026, 10, 1);

describe('batchedTransactions', () => {
  const db = useTestDatabase();

  it('runs work that arrives together in one transaction and hands each its own result', async () => {
    const transact = batchedTransactions(db());
    const seen: (Transaction | null)[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        transact(async () => {
          seen.push(Dexie.currentTransaction);
          await addSubscription(db(), { feedUrl: `https://blog${n}.test/feed`, title: `Blog ${n}` }, NOW);
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30]);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).not.toBeNull();
    expect(await db().subscriptions.count()).toBe(3);
  });

  it('keeps the others when one job fails, and reports that job’s error', async () => {
    const transact = batchedTransactions(db());
    await addSubscription(db(), { feedUrl: 'https://taken.test/feed', title: 'Taken' }, NOW);
    const outcomes = await Promise.allSettled([
      transact(() => addSubscription(db(), { feedUrl: 'https://a.test/feed', title: 'A' }, NOW)),
      transact(() => db().subscriptions.add({ feedUrl: 'https://taken.test/feed', title: 'dup', tags: [], nextCheckAt: NOW, status: 'new', errorStreak: 0, notify: true, markOnVisit: true, createdAt: NOW })),
      transact(() => addSubscription(db(), { feedUrl: 'https://b.test/feed', title: 'B' }, NOW)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await db().subscriptions.toArray()).map((s) => s.title).sort()).toEqual(['A', 'B', 'Taken']);
  });
});
