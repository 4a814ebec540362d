import { getSeriesOverrides, refreshTables, setSeriesOverrides, type PartwiseDatabase } from '../db';
import type { SeriesEditRequest } from '../messaging/protocol';
import type { SeriesOverride } from '../series/overrides';
import { parsePartMarker } from '../series/part-marker';
import { isStoredOverride, overrideHomeKey } from '../series/stored-overrides';
import { assignStoredSeries } from '../refresh/assign-stored-series';

/** Thrown for an edit that names nothing the library has. */
export class SeriesEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesEditError';
  }
}

async function toOverride(db: PartwiseDatabase, request: SeriesEditRequest): Promise<{ subscriptionId: number; override: SeriesOverride; currentKey?: string }> {
  switch (request.kind) {
    case 'rename':
      return { subscriptionId: request.subscriptionId, override: { kind: 'rename', seriesKey: request.seriesKey, name: request.name.trim() } };
    case 'merge':
      return { subscriptionId: request.subscriptionId, override: { kind: 'merge', fromKey: request.fromKey, intoKey: request.intoKey } };
    case 'not-series':
      return { subscriptionId: request.subscriptionId, override: { kind: 'not-series', seriesKey: request.seriesKey } };
    case 'move': {
      const post = await db.posts.get(request.postId);
      if (!post) throw new SeriesEditError('This post is no longer in your library.');
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
  if (request.kind === 'rename' && !request.name.trim()) throw new SeriesEditError('A series needs a name.');
  await db.transaction('rw', refreshTables(db), async () => {
    const { subscriptionId, override, currentKey } = await toOverride(db, request);
    const home = overrideHomeKey(override, currentKey);
    if (home === undefined) throw new SeriesEditError('This post is not in a series.');
    const rows = await getSeriesOverrides(db, subscriptionId);
    const existing = rows.find((row) => row.key === home)?.overrides.filter(isStoredOverride) ?? [];
    await setSeriesOverrides(db, subscriptionId, home, [...existing, { ...override, at: now }]);
    await assignStoredSeries(db, subscriptionId);
  });
}
