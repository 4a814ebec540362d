/* Helpers shared by lib/db tests only; not part of the public API. */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type PartwiseDatabase } from './schema';
import { addSubscription } from './subscriptions';
import type { IncomingPost } from './upsert-posts';
import type { Subscription } from './types';

/** A fixed clock value so tests are deterministic. */
export const T0 = Date.UTC(2026, 0, 1);

/** One day in milliseconds. */
export const DAY = 24 * 60 * 60 * 1000;

/** Registers hooks giving each test its own fresh database, deleted afterwards; call the result inside a test. */
export function useTestDatabase(): () => PartwiseDatabase {
  let db: PartwiseDatabase | undefined;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    if (!db) return;
    const name = db.name;
    db.close();
    await Dexie.delete(name);
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('useTestDatabase() accessor called outside a test');
    return db;
  };
}

/** A feed item with sensible defaults derived from `guid`. */
export function item(guid: string, overrides: Partial<IncomingPost> = {}): IncomingPost {
  return {
    guid,
    url: `https://blog.test/${guid}`,
    normalizedUrl: `blog.test/${guid}`,
    title: `Post ${guid}`,
    authors: [],
    categories: [],
    ...overrides,
  };
}

/** Adds a subscription for `feedUrl` at T0. */
export function subscribe(db: PartwiseDatabase, feedUrl = 'https://blog.test/feed'): Promise<Subscription> {
  return addSubscription(db, { feedUrl, title: feedUrl }, T0);
}
