import {
  getSettings,
  patchedSubscription,
  subscriptionPosts,
  updateSubscription,
  upsertPosts,
  type IncomingPost,
  type PartwiseDatabase,
  type Post,
  type Subscription,
  type Settings,
  type SubscriptionPatch,
  type PageListing,
} from '../db';
import { isFeedError } from '../feeds/feed-error';
import type { ParsedFeed, ParsedItem } from '../feeds/types';
import { t } from '../i18n/t';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { webOrigin } from '../urls/web-origin';
import { feedErrorMessage, fetchFailureMessage, goneMessage, statusMessage } from './error-messages';
import { newPostsNotification, type NotificationContent } from './notify';
import { nextCheckAt, serverMinMinutes } from './schedule';
import { detectSeries, seriesInput, storeDetectedSeries } from './assign-stored-series';
import { mergeFeedDeclarations } from '../series/declarations';
import type { SeriesAssignment } from '../series/assign';
import type { FeedFetcher, RefreshOutcome } from './types';
import type { FetchModified } from '../feeds/fetch';
import { sha256Hex } from './sha256-hex';
import { ownTransaction, type TransactionRunner } from './transaction-batcher';
import { followsPage, ListingError, readPageListing } from './page-listing';

/** Everything a refresh needs from outside, injected so tests control time, network and parsing. */
export interface RefreshDeps {
  db: PartwiseDatabase;
  fetch: FeedFetcher;
  parse: (body: Uint8Array, options: { url: string; contentType?: string }) => ParsedFeed;
  notify: (content: NotificationContent) => Promise<void>;
  now: () => number;
  random: () => number;
  /** How the library write runs; default: its own transaction (a refresh of many feeds batches them). */
  transact?: TransactionRunner;
}

/** Options of one refresh. */
export interface RefreshOptions {
  /** No notification (first fetch, import). */
  silent?: boolean;
  /** Settings already read (a refresh of many feeds reads them once). */
  settings?: Settings;
}

/** When to check next after `errorStreak` failures, given a server hint and Retry-After. */
type Schedule = (errorStreak: number, serverMin?: number, retryAt?: number) => number;


/** Maps a parsed item to what the library stores. */
export function toIncomingPost(item: ParsedItem): IncomingPost {
  const published = Date.parse(item.published ?? item.updated ?? '');
  const post: IncomingPost = {
    guid: item.id,
    title: item.title || item.url || t('untitledPost'),
    authors: [...item.authors],
    categories: [...item.categories],
  };
  if (item.url) {
    post.url = item.url;
    const normalized = safeNormalizeArticleUrl(item.url);
    if (normalized) post.normalizedUrl = normalized;
  }
  if (item.summary) post.summary = item.summary;
  if (Number.isFinite(published)) post.published = published;
  return post;
}

/**
 * Refreshes one subscription: fetch, parse, upsert, assign series, notify. The library write is one
 * transaction, so a service worker stopped half-way leaves the subscription due and untouched.
 */
export async function refreshFeed(deps: RefreshDeps, subscription: Subscription, options: RefreshOptions = {}): Promise<RefreshOutcome> {
  const settings = options.settings ?? (await getSettings(deps.db));
  const interval = subscription.refreshMinutes ?? settings.defaultRefreshMinutes;
  const outcome = await deps.fetch(subscription.feedUrl, { etag: subscription.etag, lastModified: subscription.lastModified });
  const now = deps.now();
  const schedule: Schedule = (errorStreak, serverMin, retryAt) =>
    nextCheckAt({ now, intervalMinutes: interval, serverMinMinutes: serverMin, errorStreak, retryAfterUntil: retryAt, random: deps.random() });

  switch (outcome.kind) {
    case 'failed':
      return recordFailure(deps, subscription, outcome.reason === 'http' ? statusMessage(outcome.status) : fetchFailureMessage(outcome), schedule, outcome.retryAt);
    case 'gone':
      await patchSubscription(deps, subscription.id, {
        status: 'gone',
        lastError: goneMessage(),
        lastCheckAt: now,
        lastResult: 'gone',
        nextCheckAt: Number.MAX_SAFE_INTEGER,
      });
      return { subscriptionId: subscription.id, result: 'gone', added: 0, parsed: false, error: goneMessage() };
    case 'not-modified': {
      const serverMin = serverMinMinutes(outcome, now);
      await patchSubscription(deps, subscription.id, {
        ...successPatch(now, schedule, serverMin),
        ...movedPatch(subscription, outcome),
        lastResult: 'not-modified',
      });
      return { subscriptionId: subscription.id, result: 'not-modified', added: 0, parsed: false };
    }
    case 'modified':
      return storeModified(deps, subscription, outcome, schedule, { ...options, settings });
  }
}

/** The transaction runner of this refresh: batched when refreshing many feeds, else one of its own. */
function transactionOf(deps: RefreshDeps): TransactionRunner {
  return deps.transact ?? ownTransaction(deps.db);
}

/** Records a refresh's outcome on its subscription, batched with other feeds' writes when refreshing many. */
function patchSubscription(deps: RefreshDeps, id: number, patch: SubscriptionPatch): Promise<Subscription> {
  return transactionOf(deps)(() => updateSubscription(deps.db, id, patch));
}

/** Writes a patch over a subscription already read in this transaction (a move re-checks the new URL is free). */
async function saveSubscription(db: PartwiseDatabase, current: Subscription, patch: SubscriptionPatch): Promise<void> {
  if (patch.feedUrl !== undefined && patch.feedUrl !== current.feedUrl) await updateSubscription(db, current.id, patch);
  else await db.subscriptions.put(patchedSubscription(current, patch));
}

/** A successful check: no error, and the next one scheduled with the server's freshness hint. */
function successPatch(now: number, schedule: Schedule, serverMin: number | undefined): SubscriptionPatch {
  return {
    status: 'ok',
    errorStreak: 0,
    lastError: undefined,
    lastCheckAt: now,
    lastSuccessAt: now,
    nextCheckAt: schedule(0, serverMin),
    serverMinMinutes: serverMin,
    retryAfterUntil: undefined,
  };
}

/**
 * A permanent redirect moves the subscription to the new address. Where the browser hides the
 * redirect's status (extension service workers), a redirect to the same address on two checks in a
 * row counts as permanent; a temporary detour rarely repeats.
 */
export function movedPatch(
  subscription: Pick<Subscription, 'feedUrl' | 'pendingRedirect'>,
  outcome: { finalUrl: string; redirected: boolean; permanentRedirect?: boolean },
): SubscriptionPatch {
  const target = outcome.finalUrl;
  if (!outcome.redirected || target === subscription.feedUrl) return subscription.pendingRedirect ? { pendingRedirect: undefined } : {};
  if (outcome.permanentRedirect === true) return { feedUrl: target, pendingRedirect: undefined };
  if (outcome.permanentRedirect === false) return {};
  return subscription.pendingRedirect === target ? { feedUrl: target, pendingRedirect: undefined } : { pendingRedirect: target };
}

async function recordFailure(
  deps: RefreshDeps,
  subscription: Subscription,
  message: string,
  schedule: Schedule,
  retryAt?: number,
): Promise<RefreshOutcome> {
  const errorStreak = subscription.errorStreak + 1;
  await patchSubscription(deps, subscription.id, {
    status: 'error',
    errorStreak,
    lastError: message,
    lastCheckAt: deps.now(),
    lastResult: 'failed',
    nextCheckAt: schedule(errorStreak, undefined, retryAt),
    retryAfterUntil: retryAt,
  });
  return { subscriptionId: subscription.id, result: 'failed', added: 0, parsed: false, error: message };
}

async function storeModified(
  deps: RefreshDeps,
  subscription: Subscription,
  outcome: FetchModified,
  schedule: Schedule,
  options: RefreshOptions & { settings: Settings },
): Promise<RefreshOutcome> {
  const now = deps.now();
  const bodyHash = await sha256Hex(outcome.body);
  const validators: SubscriptionPatch = { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash };
  const unchanged = async (extra: SubscriptionPatch): Promise<RefreshOutcome> => {
    const serverMin = serverMinMinutes(outcome, now);
    await patchSubscription(deps, subscription.id, {
      ...successPatch(now, schedule, serverMin),
      ...movedPatch(subscription, outcome),
      ...validators,
      ...extra,
      lastResult: 'unchanged',
    });
    return { subscriptionId: subscription.id, result: 'unchanged', added: 0, parsed: false };
  };
  if (bodyHash === subscription.bodyHash) return unchanged({});

  let feed: ParsedFeed;
  // A followed page (no feed): its list of posts is read where the feed parser would run.
  let listing: PageListing | undefined;
  try {
    if (followsPage(subscription)) ({ feed, listing } = await readPageListing(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType }, subscription.listing));
    else feed = deps.parse(outcome.body, { url: outcome.baseUrl ?? outcome.finalUrl, contentType: outcome.contentType });
  } catch (error) {
    if (error instanceof ListingError) return recordFailure(deps, subscription, error.message, schedule);
    if (!isFeedError(error)) throw error;
    return recordFailure(deps, subscription, feedErrorMessage(error.code, error.message), schedule);
  }
  // A page whose markup changed (a date, a token) while its list did not: nothing to write.
  if (listing && listing.itemsHash === subscription.listing?.itemsHash && subscription.lastSuccessAt !== undefined) return unchanged({ listing });
  const serverMin = serverMinMinutes({ ...outcome, ttlMinutes: feed.ttlMinutes }, now);
  const added = await transactionOf(deps)(async () => {
    // Independent reads go out together: each round trip to IndexedDB costs more than the work.
    const [current, existing, seriesRows, markers] = await Promise.all([
      deps.db.subscriptions.get(subscription.id),
      subscriptionPosts(deps.db, subscription.id).toArray(),
      deps.db.series.where('subscriptionId').equals(subscription.id).toArray(),
      deps.db.prunedPosts.where('subscriptionId').equals(subscription.id).toArray(),
    ]);
    // Unsubscribed while we were fetching: store nothing.
    if (!current || current.archivedAt !== undefined) return undefined;
    const incoming = feed.items.map(toIncomingPost);
    // Series are detected before writing, so new posts are stored once, already in their series.
    const incomingGuids = new Set(incoming.map((item) => item.guid));
    const inputs = [...existing.filter((post) => !incomingGuids.has(post.guid)), ...incoming].map(seriesInput);
    const declaredSeries = mergeFeedDeclarations(current.declaredSeries, current.feedUrl, feed.items);
    const assignments = detectSeries(inputs, seriesRows, declaredSeries);
    const placed = new Map(assignments.map((a) => [a.id, a]));
    const result = await upsertPosts(deps.db, subscription.id, incoming.map((item) => withSeries(item, placed.get(item.guid))), now, { existing, markers });
    const seriesNames = await storeDetectedSeries(deps.db, subscription.id, assignments, { posts: mergePosts(existing, result.changed, result.added), rows: seriesRows });
    await saveSubscription(deps.db, current, {
      ...successPatch(now, schedule, serverMin),
      ...movedPatch(current, outcome),
      ...validators,
      title: current.title || feed.title || outcome.finalUrl,
      siteUrl: current.siteUrl ?? feed.siteUrl,
      postOrigins: postOrigins(current.postOrigins, feed.items),
      ...(declaredSeries === undefined ? {} : { declaredSeries }),
      ...(listing ? { listing } : {}),
      lastResult: 'updated',
    });
    return { posts: result.added, seriesNames };
  });
  if (!added) return { subscriptionId: subscription.id, result: 'updated', added: 0, parsed: true };
  await notifyAdded(deps, subscription, added.posts, added.seriesNames, options);
  return { subscriptionId: subscription.id, result: 'updated', added: added.posts.length, parsed: true };
}

function withSeries(item: IncomingPost, assignment: SeriesAssignment | undefined): IncomingPost {
  if (!assignment?.series) return item;
  return assignment.part === null ? { ...item, seriesKey: assignment.series.key } : { ...item, seriesKey: assignment.series.key, part: assignment.part };
}

/** The subscription's posts after an upsert: stored ones with their changes, plus the new ones. */
function mergePosts(existing: readonly Post[], changed: readonly Post[], added: readonly Post[]): Post[] {
  const byId = new Map(existing.map((post) => [post.id, post]));
  for (const post of changed) byId.set(post.id, post);
  for (const post of added) byId.set(post.id, post);
  return [...byId.values()];
}

// Enough for feeds that mix a few hosts; a feed linking everywhere is an aggregator, not a blog.
const MAX_POST_ORIGINS = 20;

/** The origins a feed's posts live on, merged with those already known. */
export function postOrigins(known: readonly string[] | undefined, items: readonly ParsedItem[]): string[] {
  const origins = new Set(known ?? []);
  for (const item of items) {
    if (origins.size >= MAX_POST_ORIGINS) break;
    const origin = webOrigin(item.url);
    if (origin) origins.add(origin);
  }
  return [...origins].sort();
}

async function notifyAdded(
  deps: RefreshDeps,
  subscription: Subscription,
  posts: readonly Post[],
  seriesNames: ReadonlyMap<string, { key: string; name: string; part: number | null }>,
  options: RefreshOptions & { settings: Settings },
): Promise<void> {
  // The first fetch of a new subscription brings its whole back catalogue: nothing is "new" yet.
  const firstFetch = subscription.lastSuccessAt === undefined;
  if (options.silent || firstFetch || !subscription.notify || posts.length === 0) return;
  if (!options.settings.notifications) return;
  const batch = posts.map((post) => {
    const series = seriesNames.get(post.guid);
    return {
      post: { id: post.id, title: post.title, sortAt: post.sortAt, part: series?.part ?? undefined },
      seriesName: series?.name,
    };
  });
  const content = newPostsNotification(subscription.customTitle ?? (subscription.title || subscription.feedUrl), batch);
  if (content) await deps.notify(content);
}
