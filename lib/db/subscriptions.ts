import Dexie from 'dexie';
import { DbError } from './db-error';
import { subscriptionPosts } from './post-lookups';
import type { PartwiseDatabase } from './schema';
import type { PageListing, Subscription } from './types';

/** What the user supplies when following a feed. */
export interface NewSubscription {
  feedUrl: string;
  siteUrl?: string;
  title: string;
  tags?: string[];
  /** Default true. */
  notify?: boolean;
  /** Default true. */
  markOnVisit?: boolean;
  /** Follows this list of posts of the page at `feedUrl` instead of a feed. */
  listing?: PageListing;
}

/** Fields updateSubscription may change; a key set to `undefined` clears that optional field. */
export type SubscriptionPatch = Partial<Omit<Subscription, 'id' | 'createdAt'>>;

/** Options for listSubscriptions. */
export interface ListSubscriptionsOptions {
  /** Include unsubscribed rows kept for their posts (default false). */
  includeArchived?: boolean;
}

/**
 * Follows a feed, due for refresh at `now`. Re-adding an archived feed revives its row, so its
 * kept posts and read state reattach. Throws DbError('duplicate') if the feed is already followed.
 */
export async function addSubscription(
  db: PartwiseDatabase,
  input: NewSubscription,
  now: number,
): Promise<Subscription> {
  return db.transaction('rw', db.subscriptions, async () => {
    const existing = await db.subscriptions.where('feedUrl').equals(input.feedUrl).first();
    if (existing && existing.archivedAt === undefined) {
      throw new DbError('duplicate', `Already subscribed to ${input.feedUrl}`);
    }
    const fresh: Omit<Subscription, 'id'> = {
      feedUrl: input.feedUrl,
      title: input.title,
      tags: input.tags ?? [],
      nextCheckAt: now,
      status: 'new',
      errorStreak: 0,
      notify: input.notify ?? true,
      markOnVisit: input.markOnVisit ?? true,
      createdAt: now,
    };
    if (input.siteUrl !== undefined) fresh.siteUrl = input.siteUrl;
    if (input.listing !== undefined) fresh.listing = { ...input.listing };
    if (existing) {
      // Keep id, createdAt and the user's custom title; drop stale validators and errors.
      const revived: Subscription = { ...fresh, id: existing.id, createdAt: existing.createdAt };
      if (existing.customTitle !== undefined) revived.customTitle = existing.customTitle;
      if (existing.refreshMinutes !== undefined) revived.refreshMinutes = existing.refreshMinutes;
      await db.subscriptions.put(revived);
      return revived;
    }
    const id = await db.subscriptions.add(fresh);
    return { ...fresh, id };
  });
}

/** The subscription with this id, archived or not, or undefined. */
export async function getSubscription(db: PartwiseDatabase, id: number): Promise<Subscription | undefined> {
  return db.subscriptions.get(id);
}

/** The subscription (archived or not) whose feed URL is exactly `feedUrl`, or undefined. */
export async function findSubscriptionByFeedUrl(
  db: PartwiseDatabase,
  feedUrl: string,
): Promise<Subscription | undefined> {
  return db.subscriptions.where('feedUrl').equals(feedUrl).first();
}

/** The display title: the user's own title when set, else the feed's. */
export function subscriptionTitle(subscription: Subscription): string {
  return subscription.customTitle ?? subscription.title;
}

/** All subscriptions sorted by display title (case-insensitive); archived ones only on request. */
export async function listSubscriptions(
  db: PartwiseDatabase,
  options: ListSubscriptionsOptions = {},
): Promise<Subscription[]> {
  const all = await db.subscriptions.toArray();
  return all
    .filter((s) => options.includeArchived === true || s.archivedAt === undefined)
    .sort((a, b) => subscriptionTitle(a).localeCompare(subscriptionTitle(b), undefined, { sensitivity: 'base' }));
}

/**
 * Applies `patch` and returns the updated subscription. Throws DbError('not-found') for an
 * unknown id and DbError('duplicate') if the new feedUrl belongs to another subscription.
 */
export async function updateSubscription(
  db: PartwiseDatabase,
  id: number,
  patch: SubscriptionPatch,
): Promise<Subscription> {
  return db.transaction('rw', db.subscriptions, async () => {
    const current = await db.subscriptions.get(id);
    if (!current) throw new DbError('not-found', `No subscription ${id}`);
    if (patch.feedUrl !== undefined && patch.feedUrl !== current.feedUrl) {
      const clash = await db.subscriptions.where('feedUrl').equals(patch.feedUrl).first();
      if (clash) throw new DbError('duplicate', `Another subscription uses ${patch.feedUrl}`);
    }
    const updated = patchedSubscription(current, patch);
    await db.subscriptions.put(updated);
    return updated;
  });
}

/** `current` with `patch` applied: an explicit undefined clears a field; `id`/`createdAt` never change. */
export function patchedSubscription(current: Subscription, patch: SubscriptionPatch): Subscription {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'createdAt') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as unknown as Subscription;
}

/**
 * Unsubscribes. `keepPosts: false` deletes the subscription with its posts, series and prune
 * markers in one transaction. `keepPosts: true` archives it instead (sets `archivedAt`): the row
 * and its posts stay, it is hidden from listSubscriptions and never due. Returns false if unknown.
 */
export async function deleteSubscription(
  db: PartwiseDatabase,
  id: number,
  options: { keepPosts: boolean },
  now: number = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', [db.subscriptions, db.posts, db.series, db.prunedPosts, db.pendingReadMarks], async () => {
    const current = await db.subscriptions.get(id);
    if (!current) return false;
    if (options.keepPosts) {
      await db.subscriptions.update(id, { archivedAt: now });
      return true;
    }
    await subscriptionPosts(db, id).delete();
    await db.series.where('subscriptionId').equals(id).delete();
    await db.prunedPosts.where('subscriptionId').equals(id).delete();
    await db.pendingReadMarks.delete(id);
    await db.subscriptions.delete(id);
    return true;
  });
}

/**
 * Subscriptions to refresh now: nextCheckAt <= now, not 'gone', not archived, and not inside a
 * server's Retry-After window; most overdue first.
 */
export async function dueSubscriptions(db: PartwiseDatabase, now: number): Promise<Subscription[]> {
  return db.subscriptions
    .where('nextCheckAt')
    .between(Dexie.minKey, now, true, true)
    .filter((s) => s.status !== 'gone' && s.archivedAt === undefined && (s.retryAfterUntil ?? 0) <= now)
    .toArray();
}
