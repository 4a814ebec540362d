import { getSeriesOverrides, refreshTables, setSeriesOverrides, type PartwiseDatabase, type Post } from '../db';
import type { SeriesEditRequest } from '../messaging/protocol';
import type { SeriesOverride } from '../series/overrides';
import { parsePartMarker } from '../series/part-marker';
import { isStoredOverride, overrideHomeKey, type StoredOverride } from '../series/stored-overrides';
import { assignStoredSeries } from '../refresh/assign-stored-series';
import { t } from '../i18n/t';

/** Thrown for an edit that names nothing the library has. */
export class SeriesEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesEditError';
  }
}

type SingleEditRequest = Exclude<SeriesEditRequest, { kind: 'new-series' }>;

async function toOverride(db: PartwiseDatabase, request: SingleEditRequest): Promise<{ subscriptionId: number; override: SeriesOverride; currentKey?: string }> {
  switch (request.kind) {
    case 'rename':
      return { subscriptionId: request.subscriptionId, override: { kind: 'rename', seriesKey: request.seriesKey, name: request.name.trim() } };
    case 'merge':
      return { subscriptionId: request.subscriptionId, override: { kind: 'merge', fromKey: request.fromKey, intoKey: request.intoKey } };
    case 'not-series':
      return { subscriptionId: request.subscriptionId, override: { kind: 'not-series', seriesKey: request.seriesKey } };
    case 'move': {
      const post = await db.posts.get(request.postId);
      if (!post) throw new SeriesEditError(t('postErrorGone'));
      // A post detection left out of any series still numbers itself ("… FastAPI #1"): keep that part.
      const part = post.part ?? parsePartMarker(post.title)?.part ?? null;
      return {
        subscriptionId: post.subscriptionId,
        override: { kind: 'move', postId: post.guid, seriesKey: request.seriesKey, ...(request.seriesKey !== null && part !== null ? { part } : {}) },
        currentKey: post.seriesKey,
      };
    }
  }
}

/**
 * Stores a user's series correction as an override (kept with the library and re-applied on every
 * refresh) and re-assigns the subscription's series at once, in one transaction.
 */
export async function editSeries(db: PartwiseDatabase, request: SeriesEditRequest, now: number): Promise<void> {
  if ((request.kind === 'rename' || request.kind === 'new-series') && !request.name.trim()) throw new SeriesEditError(t('seriesEditErrorNoName'));
  if (request.kind === 'new-series') return startSeries(db, request, now);
  await db.transaction('rw', refreshTables(db), async () => {
    const { subscriptionId, override, currentKey } = await toOverride(db, request);
    const home = overrideHomeKey(override, currentKey);
    if (home === undefined) throw new SeriesEditError(t('seriesEditErrorNotInSeries'));
    const rows = await getSeriesOverrides(db, subscriptionId);
    const existing = rows.find((row) => row.key === home)?.overrides.filter(isStoredOverride) ?? [];
    await setSeriesOverrides(db, subscriptionId, home, [...existing, { ...override, at: now }]);
    await assignStoredSeries(db, subscriptionId);
  });
}

/** A key for a series the reader names, distinct from every key of the subscription (detected keys are lower-case words). */
export function userSeriesKey(name: string, taken: ReadonlySet<string>): string {
  const base = `user:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base} (${n})`;
  return key;
}

/**
 * Starts a series of the reader's own from posts of one subscription: stored as a rename (its name) and
 * one move per post, numbered by date, so every refresh re-applies it like any other correction.
 */
async function startSeries(db: PartwiseDatabase, request: Extract<SeriesEditRequest, { kind: 'new-series' }>, now: number): Promise<void> {
  if (request.postIds.length === 0) throw new SeriesEditError(t('seriesEditErrorNoPosts'));
  await db.transaction('rw', refreshTables(db), async () => {
    const found = await db.posts.bulkGet(request.postIds);
    const posts = found.filter((post): post is Post => post !== undefined && post.subscriptionId === request.subscriptionId);
    if (posts.length !== request.postIds.length) throw new SeriesEditError(t('seriesEditErrorPostsGone'));
    const rows = await db.series.where('subscriptionId').equals(request.subscriptionId).toArray();
    const taken = new Set(rows.map((row) => row.key));
    const key = userSeriesKey(request.name, taken);
    const ordered = posts.sort((a, b) => a.sortAt - b.sortAt || a.id - b.id);
    const overrides: StoredOverride[] = [
      { kind: 'rename', seriesKey: key, name: request.name.trim(), at: now },
      ...ordered.map((post, index): StoredOverride => ({ kind: 'move', postId: post.guid, seriesKey: key, part: index + 1, at: now })),
    ];
    await setSeriesOverrides(db, request.subscriptionId, key, overrides);
    await assignStoredSeries(db, request.subscriptionId);
  });
}
