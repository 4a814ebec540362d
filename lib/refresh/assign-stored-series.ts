import { getSeriesOverrides, storeSeriesAssignments, type PartwiseDatabase } from '../db';
import { assignSeries } from '../series/assign';
import { applySeriesOverrides } from '../series/overrides';
import { orderedOverrides } from '../series/stored-overrides';

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
  const posts = await db.posts.where('subscriptionId').equals(subscriptionId).toArray();
  const inputs = posts.map((post) => ({
    id: post.guid,
    title: post.title,
    url: post.url,
    categories: post.categories,
    published: post.published === undefined ? undefined : new Date(post.published).toISOString(),
  }));
  const overrides = orderedOverrides(await getSeriesOverrides(db, subscriptionId));
  const assignments = applySeriesOverrides(assignSeries(inputs), overrides);
  await storeSeriesAssignments(
    db,
    subscriptionId,
    assignments.map((a) => ({ guid: a.id, seriesKey: a.series?.key ?? null, seriesName: a.series?.name ?? null, part: a.part })),
  );
  const bySeries = new Map<string, PostSeries>();
  for (const a of assignments) if (a.series) bySeries.set(a.id, { key: a.series.key, name: a.series.name, part: a.part });
  return bySeries;
}
