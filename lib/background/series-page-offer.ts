import { subscriptionPosts, subscriptionTitle, type PartwiseDatabase } from '../db';
import type { SeriesPageOffer } from '../messaging/protocol';
import { readSeriesOutline } from '../pages/read-series-outline';
import { seriesInput } from '../refresh/assign-stored-series';
import { countDeclaredPosts } from '../series/apply-declared';
import { outlineDeclarations } from '../series/declarations';
import { MIN_PLACED_POSTS } from './attach-series-page';
import { seriesPageFromHtml, storeSeriesPage } from '../refresh/series-pages';

// The page as the popup read it from the tab; larger pages are cut, their series are near the top anyway.
const MAX_HTML = 2_000_000;

/** The subscriptions whose posts a page lists in series (at least two), that do not keep it as a series page yet. */
export async function seriesPageOffers(db: PartwiseDatabase, url: string, html: string): Promise<SeriesPageOffer[]> {
  const declarations = outlineDeclarations(readSeriesOutline(html.slice(0, MAX_HTML), url), url);
  if (declarations.length === 0) return [];
  const offers: SeriesPageOffer[] = [];
  for (const subscription of await db.subscriptions.toArray()) {
    if (subscription.archivedAt !== undefined || subscription.seriesPages?.some((page) => page.url === url)) continue;
    const posts = await subscriptionPosts(db, subscription.id).toArray();
    const placed = countDeclaredPosts(posts.map(seriesInput), declarations);
    if (placed >= MIN_PLACED_POSTS) offers.push({ subscriptionId: subscription.id, title: subscriptionTitle(subscription), placed, series: declarations.length });
  }
  return offers;
}

/** Keeps the page the popup shows as a series page of the subscription; answers how many posts it places. */
export async function useSeriesPage(db: PartwiseDatabase, request: { subscriptionId: number; url: string; html: string }, now: number, random: number): Promise<{ placed: number }> {
  const read = await seriesPageFromHtml(request.url, request.html.slice(0, MAX_HTML), undefined, {}, now);
  const posts = await subscriptionPosts(db, request.subscriptionId).toArray();
  const placed = countDeclaredPosts(posts.map(seriesInput), read.declarations);
  if (placed === 0) return { placed };
  await storeSeriesPage(db, request.subscriptionId, read, random);
  return { placed };
}
