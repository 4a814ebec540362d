import { countPlacedPosts, fetchSeriesPage, storeSeriesPage, type ReadSeriesPage, type SeriesPageDeps } from '../refresh/series-pages';

/** A page lists a feed's series when it places at least this many of the feed's posts. */
export const MIN_PLACED_POSTS = 2;

/**
 * Keeps a page as a series page of a subscription when it places at least `minPlaced` of its posts;
 * answers how many it places (0 when it was not kept). The page is fetched unless already read.
 */
export async function attachSeriesPage(
  deps: SeriesPageDeps,
  subscriptionId: number,
  page: string | ReadSeriesPage,
  minPlaced = MIN_PLACED_POSTS,
): Promise<number> {
  const read = typeof page === 'string' ? await fetchSeriesPage(deps, page) : page;
  if (read.declarations.length === 0) return 0;
  const placed = await countPlacedPosts(deps.db, subscriptionId, read.declarations);
  if (placed < minPlaced) return 0;
  await storeSeriesPage(deps.db, subscriptionId, read, deps.random());
  return placed;
}
