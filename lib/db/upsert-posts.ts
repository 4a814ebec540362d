import { postsAtUrls } from './post-lookups';
import type { PartwiseDatabase } from './schema';
import type { PendingMark, Post, PrunedPost } from './types';

/**
 * A post as parsed from a feed, before it is stored. Its series placement applies to a post stored
 * for the first time only: stored posts keep theirs.
 */
export type IncomingPost = Pick<
  Post,
  'guid' | 'url' | 'normalizedUrl' | 'title' | 'summary' | 'authors' | 'categories' | 'published' | 'seriesKey' | 'part'
>;

/**
 * What upsertPosts did. added + updated + unchanged = distinct posts in the batch, where an item
 * repeating an earlier item's guid or normalized URL is the same post.
 */
export interface UpsertResult {
  /** Newly stored posts, with ids, in feed order (for notifications). */
  added: Post[];
  updated: number;
  /** Includes items skipped because their post was pruned earlier. */
  unchanged: number;
  /** Stored posts whose content changed, as written. */
  changed: Post[];
}

/** Options of upsertPosts. */
export interface UpsertOptions {
  /** Every stored post of the subscription, already read in this transaction: saves the lookups. */
  existing?: readonly Post[];
  /** Every prune marker of the subscription, already read in this transaction. */
  markers?: readonly PrunedPost[];
}

// A prune marker is refreshed at most this often, so a long-lived feed item costs one write a day.
const SEEN_REFRESH_MS = 24 * 60 * 60 * 1000;

type ContentField = 'guid' | 'url' | 'normalizedUrl' | 'title' | 'summary' | 'published' | 'sortAt';
const SCALAR_FIELDS: readonly ContentField[] = ['guid', 'url', 'normalizedUrl', 'title', 'summary', 'published', 'sortAt'];

/** Drops a non-finite published time: a NaN sortAt is not a valid IndexedDB key and would hide the post. */
function sanitized(item: IncomingPost): IncomingPost {
  if (item.published === undefined || Number.isFinite(item.published)) return item;
  const copy = { ...item };
  delete copy.published;
  return copy;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The stored post with the feed's content applied; user state (read, series, saved) untouched. */
function withContent(stored: Post, item: IncomingPost): Post {
  const next: Post = {
    ...stored,
    guid: item.guid,
    title: item.title,
    authors: [...item.authors],
    categories: [...item.categories],
    sortAt: item.published ?? stored.firstSeenAt,
  };
  // Optional fields are deleted rather than set to undefined so records stay minimal and comparable.
  if (item.url === undefined) delete next.url;
  else next.url = item.url;
  if (item.normalizedUrl === undefined) delete next.normalizedUrl;
  else next.normalizedUrl = item.normalizedUrl;
  if (item.summary === undefined) delete next.summary;
  else next.summary = item.summary;
  if (item.published === undefined) delete next.published;
  else next.published = item.published;
  return next;
}

function contentChanged(before: Post, after: Post): boolean {
  return (
    SCALAR_FIELDS.some((key) => before[key] !== after[key]) ||
    !sameList(before.authors, after.authors) ||
    !sameList(before.categories, after.categories)
  );
}

function newPost(subscriptionId: number, item: IncomingPost, now: number): Omit<Post, 'id'> {
  const post: Omit<Post, 'id'> = {
    subscriptionId,
    guid: item.guid,
    title: item.title,
    authors: [...item.authors],
    categories: [...item.categories],
    firstSeenAt: now,
    sortAt: item.published ?? now,
    unread: 1,
  };
  if (item.url !== undefined) post.url = item.url;
  if (item.normalizedUrl !== undefined) post.normalizedUrl = item.normalizedUrl;
  if (item.summary !== undefined) post.summary = item.summary;
  if (item.published !== undefined) post.published = item.published;
  if (item.seriesKey !== undefined) {
    post.seriesKey = item.seriesKey;
    if (item.part !== undefined) post.part = item.part;
  }
  return post;
}

/**
 * Stores one subscription's feed items in one transaction (nests in an outer transaction over
 * refreshTables). A post is matched by guid, else by normalizedUrl (then it takes the new guid);
 * matched posts get the new content but keep read state, series and part. Posts missing from the
 * feed stay; items pruned earlier are not re-added; a new post a restored backup marked read comes in
 * read. Costs a fixed handful of requests per batch.
 */
export async function upsertPosts(
  db: PartwiseDatabase,
  subscriptionId: number,
  incoming: readonly IncomingPost[],
  now: number,
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  // Within a batch the first item with a guid or normalized URL wins; later repeats are the same post.
  const items: IncomingPost[] = [];
  const batchGuids = new Set<string>();
  const batchUrls = new Set<string>();
  for (const raw of incoming) {
    const item = sanitized(raw);
    if (batchGuids.has(item.guid) || (item.normalizedUrl !== undefined && batchUrls.has(item.normalizedUrl))) continue;
    batchGuids.add(item.guid);
    if (item.normalizedUrl !== undefined) batchUrls.add(item.normalizedUrl);
    items.push(item);
  }
  if (items.length === 0) return { added: [], updated: 0, unchanged: 0, changed: [] };

  return db.transaction('rw', [db.posts, db.prunedPosts, db.pendingReadMarks], async () => {
    const byGuid = new Map<string, Post>();
    const guidHits = options.existing
      ? options.existing.filter((post) => batchGuids.has(post.guid))
      : await db.posts
          .where('[subscriptionId+guid]')
          .anyOf(items.map((item) => [subscriptionId, item.guid]))
          .toArray();
    for (const post of guidHits) byGuid.set(post.guid, post);

    // Posts claimed in this batch, so one stored post never absorbs two items.
    const claimed = new Set<number>();
    for (const post of guidHits) claimed.add(post.id);

    const needUrl = items.filter((item) => !byGuid.has(item.guid) && item.normalizedUrl !== undefined);
    const byUrl = new Map<string, Post>();
    if (needUrl.length > 0) {
      const wanted = new Set(needUrl.map((item) => item.normalizedUrl as string));
      const urlHits = options.existing
        ? options.existing.filter((post) => post.normalizedUrl !== undefined && wanted.has(post.normalizedUrl))
        : await postsAtUrls(db, subscriptionId, [...wanted]).toArray();
      // Oldest first so that, if history already holds duplicates, the original post is the one reused.
      urlHits.sort((a, b) => a.id - b.id);
      for (const post of urlHits) {
        if (post.normalizedUrl !== undefined && !byUrl.has(post.normalizedUrl)) byUrl.set(post.normalizedUrl, post);
      }
    }

    const toPut: Post[] = [];
    const candidates: IncomingPost[] = [];
    let unchanged = 0;
    for (const item of items) {
      let stored = byGuid.get(item.guid);
      if (!stored && item.normalizedUrl !== undefined) {
        const viaUrl = byUrl.get(item.normalizedUrl);
        if (viaUrl && !claimed.has(viaUrl.id)) stored = viaUrl;
      }
      if (!stored) {
        candidates.push(item);
        continue;
      }
      claimed.add(stored.id);
      const next = withContent(stored, item);
      if (contentChanged(stored, next)) toPut.push(next);
      else unchanged += 1;
    }

    const fresh = await withoutPruned(db, subscriptionId, candidates, now, options.markers);
    unchanged += candidates.length - fresh.length;

    const records = await withRestoredReads(db, subscriptionId, fresh.map((item) => newPost(subscriptionId, item, now)));
    // Both writes are issued at once: IndexedDB runs them in order within the transaction anyway.
    const [, ids] = await Promise.all([
      toPut.length > 0 ? db.posts.bulkPut(toPut) : undefined,
      records.length > 0 ? db.posts.bulkAdd(records, { allKeys: true }) : [],
    ]);
    const added = records.map((record, i) => ({ ...record, id: ids[i] as number }));
    return { added, updated: toPut.length, unchanged, changed: toPut };
  });
}

/** New posts a restored backup had marked read come in read (as of then); their pending marks are taken out. */
async function withRestoredReads(db: PartwiseDatabase, subscriptionId: number, records: Omit<Post, 'id'>[]): Promise<Omit<Post, 'id'>[]> {
  if (records.length === 0) return records;
  const pending = await db.pendingReadMarks.get(subscriptionId);
  if (!pending || !records.some((record) => waitingMarkOf(pending.marks, pending.byUrl, record) !== undefined)) return records;
  const marks = { ...pending.marks };
  const read = records.map((record) => {
    const guid = waitingMarkOf(marks, pending.byUrl, record);
    if (guid === undefined) return record;
    const mark = marks[guid]!;
    delete marks[guid];
    return { ...record, unread: 0 as const, readAt: mark.readAt };
  });
  if (Object.keys(marks).length === 0) {
    await db.pendingReadMarks.delete(subscriptionId);
    return read;
  }
  const byUrl = pending.byUrl && Object.fromEntries(Object.entries(pending.byUrl).filter(([, guid]) => Object.hasOwn(marks, guid)));
  await db.pendingReadMarks.put({ subscriptionId, marks, ...(byUrl ? { byUrl } : {}) });
  return read;
}

/** The guid of the mark waiting for `record`: by its guid, else by its normalized URL (the feed changed the guid). */
function waitingMarkOf(
  marks: Readonly<Record<string, PendingMark>>,
  byUrl: Readonly<Record<string, string>> | undefined,
  record: Pick<Post, 'guid' | 'normalizedUrl'>,
): string | undefined {
  if (Object.hasOwn(marks, record.guid)) return record.guid;
  const url = record.normalizedUrl;
  if (url === undefined || !byUrl || !Object.hasOwn(byUrl, url)) return undefined;
  const guid = byUrl[url]!;
  // Only a mark still waiting counts: one used up by its guid may leave its address behind.
  return Object.hasOwn(marks, guid) ? guid : undefined;
}

/** Drops items whose post was pruned earlier, refreshing their markers' seenAt (at most daily). */
async function withoutPruned(
  db: PartwiseDatabase,
  subscriptionId: number,
  items: readonly IncomingPost[],
  now: number,
  known?: readonly PrunedPost[],
): Promise<IncomingPost[]> {
  if (items.length === 0) return [];
  // A subscription has few prune markers; reading them all is one request instead of a cursor walk per item.
  const guids = new Set(items.map((item) => item.guid));
  const urls = new Set(items.flatMap((item) => (item.normalizedUrl === undefined ? [] : [item.normalizedUrl])));
  const all = known ?? (await db.prunedPosts.where('subscriptionId').equals(subscriptionId).toArray());
  const markers = all.filter(
    (marker) => guids.has(marker.guid) || (marker.normalizedUrl !== undefined && urls.has(marker.normalizedUrl)),
  );
  if (markers.length === 0) return [...items];

  const prunedGuids = new Set(markers.map((m) => m.guid));
  const prunedUrls = new Set(markers.flatMap((m) => (m.normalizedUrl === undefined ? [] : [m.normalizedUrl])));
  const stale = new Map<string, PrunedPost>();
  for (const marker of markers) {
    if (now - marker.seenAt >= SEEN_REFRESH_MS) stale.set(marker.guid, { ...marker, seenAt: now });
  }
  if (stale.size > 0) await db.prunedPosts.bulkPut([...stale.values()]);
  return items.filter(
    (item) => !prunedGuids.has(item.guid) && (item.normalizedUrl === undefined || !prunedUrls.has(item.normalizedUrl)),
  );
}
