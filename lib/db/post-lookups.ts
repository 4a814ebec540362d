import Dexie, { type Collection, type InsertType } from 'dexie';
import type { PartwiseDatabase } from './schema';
import type { Post } from './types';

/** A query over the posts table. */
export type PostCollection = Collection<Post, number, InsertType<Post, 'id'>>;

/** Every post of a subscription: a range of the [subscriptionId+guid] index, which every post is in. */
export function subscriptionPosts(db: PartwiseDatabase, subscriptionId: number): PostCollection {
  return db.posts.where('[subscriptionId+guid]').between([subscriptionId, Dexie.minKey], [subscriptionId, Dexie.maxKey], true, true);
}

/** A subscription's posts at any of these normalized URLs (a URL is rarely shared across feeds, so filtering is cheap). */
export function postsAtUrls(db: PartwiseDatabase, subscriptionId: number, normalizedUrls: readonly string[]): PostCollection {
  return db.posts
    .where('normalizedUrl')
    .anyOf([...normalizedUrls])
    .filter((post) => post.subscriptionId === subscriptionId);
}

/** The series keys a subscription's posts use: one key-only scan of the [subscriptionId+seriesKey] index. */
export async function seriesKeysInUse(db: PartwiseDatabase, subscriptionId: number): Promise<Set<string>> {
  const keys = (await db.posts
    .where('[subscriptionId+seriesKey]')
    .between([subscriptionId, Dexie.minKey], [subscriptionId, Dexie.maxKey], true, true)
    .keys()) as unknown as [number, string][];
  return new Set(keys.map(([, key]) => key));
}
