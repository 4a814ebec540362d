import { findPostsByNormalizedUrl, getSettings, postsOfSeries, setRead, type PartwiseDatabase, type Post } from '../db';
import type { PageVisit, VisitResult } from '../messaging/protocol';
import { t } from '../i18n/t';
import { partLabel } from '../reading-list/part-label';
import { articleUrlKeys } from '../urls/normalize';
import { storePageSeries } from './store-page-series';
import { webOrigin } from '../urls/web-origin';

/** A site's host as pages and feeds name it: `www.` and the scheme make no difference. */
function siteHost(url: string | undefined): string | undefined {
  const origin = webOrigin(url);
  return origin?.replace(/^https?:\/\/(www\.)?/, '');
}

/**
 * The posts a page may claim. A page is always itself; its canonical link or og:url are only its word,
 * so they may match posts of subscriptions whose sites (site, feed, where its posts live) include the
 * page's own: otherwise any page could mark any post read by naming it.
 */
async function claimablePosts(db: PartwiseDatabase, posts: readonly Post[], pageUrl: string): Promise<Post[]> {
  const ownKeys = new Set(articleUrlKeys(pageUrl));
  const hinted = posts.filter((post) => post.normalizedUrl === undefined || !ownKeys.has(post.normalizedUrl));
  if (hinted.length === 0) return [...posts];
  const page = siteHost(pageUrl);
  const subscriptions = await db.subscriptions.bulkGet([...new Set(hinted.map((post) => post.subscriptionId))]);
  const trusted = new Set(
    subscriptions
      .filter((s) => s !== undefined && page !== undefined && [s.siteUrl, s.feedUrl, ...(s.postOrigins ?? [])].some((url) => siteHost(url) === page))
      .map((s) => s!.id),
  );
  return posts.filter((post) => (post.normalizedUrl !== undefined && ownKeys.has(post.normalizedUrl)) || trusted.has(post.subscriptionId));
}

async function markable(db: PartwiseDatabase, posts: readonly Post[]): Promise<Post[]> {
  const ids = [...new Set(posts.map((post) => post.subscriptionId))];
  const subscriptions = await db.subscriptions.bulkGet(ids);
  const off = new Set(subscriptions.filter((s) => s !== undefined && !s.markOnVisit).map((s) => s!.id));
  return posts.filter((post) => post.unread === 1 && !off.has(post.subscriptionId));
}

async function nextInSeries(db: PartwiseDatabase, post: Post): Promise<VisitResult['next']> {
  if (post.seriesKey === undefined) return undefined;
  const parts = await postsOfSeries(db, post.subscriptionId, post.seriesKey);
  const index = parts.findIndex((part) => part.id === post.id);
  const next = parts.slice(index + 1).find((part) => part.url !== undefined);
  if (!next?.url) return undefined;
  return { title: next.title, url: next.url, label: partLabel(next.title, next.part) ?? t('nextPartLabel') };
}

/**
 * A page view from the content script: finds the posts it is (by URL, canonical link, og:url or AMP
 * variant), marks them read unless their subscription turned marking off, and offers the next part.
 */
export async function handlePageVisit(db: PartwiseDatabase, visit: PageVisit, now: number): Promise<VisitResult> {
  const keys = articleUrlKeys(visit.url, { canonical: visit.canonical, ogUrl: visit.ogUrl });
  const found = await claimablePosts(db, await findPostsByNormalizedUrl(db, keys), visit.url);
  const seriesChanged = visit.series ? await storePageSeries(db, visit.url, visit.series, found) : false;
  // A declaration just applied may have moved these posts into a series.
  const posts = seriesChanged ? await claimablePosts(db, await findPostsByNormalizedUrl(db, keys), visit.url) : found;
  const toMark = await markable(db, posts);
  if (toMark.length > 0) await setRead(db, toMark.map((post) => post.id), true, now);
  const settings = await getSettings(db);
  const inSeries = posts.find((post) => post.seriesKey !== undefined);
  const next = settings.showNextInSeries && inSeries ? await nextInSeries(db, inSeries) : undefined;
  return { matched: posts.map((post) => post.id), marked: toMark.map((post) => post.id), ...(next ? { next } : {}), ...(seriesChanged ? { seriesChanged } : {}) };
}
