import { getSeriesOverrides, storeSeriesAssignments, subscriptionPosts, type DeclaredSeries, type PartwiseDatabase, type Post, type SeriesRecord } from '../db';
import { applyDeclaredSeries } from '../series/apply-declared';
import { assignSeries, type SeriesAssignment, type SeriesInput } from '../series/assign';
import { applySeriesOverrides } from '../series/overrides';
import { orderedOverrides } from '../series/stored-overrides';

type SeriesSource = Pick<Post, 'guid' | 'title' | 'url' | 'normalizedUrl' | 'categories' | 'published'>;

/** What the series engine needs of a post or a feed item. */
export function seriesInput(post: SeriesSource): SeriesInput {
  return {
    id: post.guid,
    title: post.title,
    url: post.url,
    categories: post.categories,
    ...(post.normalizedUrl === undefined ? {} : { normalizedUrl: post.normalizedUrl }),
    published: post.published === undefined ? undefined : new Date(post.published).toISOString(),
  };
}

/**
 * Series of a subscription's posts: the user's overrides (as stored on its series rows) over the
 * author's declarations over title detection.
 */
export function detectSeries(
  inputs: SeriesInput[],
  overrideRows: readonly { overrides: readonly unknown[] }[],
  declarations: readonly DeclaredSeries[] = [],
): SeriesAssignment[] {
  return applySeriesOverrides(applyDeclaredSeries(assignSeries(inputs), inputs, declarations), orderedOverrides(overrideRows));
}

/** Stores detected series onto the subscription's posts and series rows; returns each post's series by guid. */
export async function storeDetectedSeries(
  db: PartwiseDatabase,
  subscriptionId: number,
  assignments: readonly SeriesAssignment[],
  known: { posts: readonly Post[]; rows?: readonly SeriesRecord[] },
): Promise<Map<string, PostSeries>> {
  await storeSeriesAssignments(
    db,
    subscriptionId,
    assignments.map((a) => ({ guid: a.id, seriesKey: a.series?.key ?? null, seriesName: a.series?.name ?? null, part: a.part })),
    known,
  );
  return seriesByGuid(assignments);
}

function seriesByGuid(assignments: readonly SeriesAssignment[]): Map<string, PostSeries> {
  const bySeries = new Map<string, PostSeries>();
  for (const a of assignments) if (a.series) bySeries.set(a.id, { key: a.series.key, name: a.series.name, part: a.part });
  return bySeries;
}

/** A post's series after detection and the user's overrides. */
export interface PostSeries {
  key: string;
  name: string;
  part: number | null;
}

/**
 * Runs series detection over every stored post of a subscription, re-applies the user's overrides
 * and stores the result. Returns each post's series by guid. Nests in the caller's transaction.
 */
export async function assignStoredSeries(db: PartwiseDatabase, subscriptionId: number): Promise<Map<string, PostSeries>> {
  const [posts, subscription] = await Promise.all([subscriptionPosts(db, subscriptionId).toArray(), db.subscriptions.get(subscriptionId)]);
  const assignments = detectSeries(posts.map(seriesInput), await getSeriesOverrides(db, subscriptionId), subscription?.declaredSeries);
  return storeDetectedSeries(db, subscriptionId, assignments, { posts });
}
