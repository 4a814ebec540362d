/**
 * Forem (dev.to and its sister sites) tells series membership in its public API: each article of
 * `/api/articles?username=…` carries a `collection_id`. For a Forem feed (`/feed/<username>`) the
 * API is on the same host, so it is read within the access the user granted for the feed, at most daily.
 */
import { subscriptionPosts, type DeclaredSeries, type Subscription } from '../db';
import { refreshTables } from '../db/schema';
import { declaredEntry, replaceDeclarations } from '../series/declarations';
import { assignStoredSeries } from './assign-stored-series';
import type { SeriesPageDeps } from './series-pages';

const FOREM_FEED = /^(https:\/\/(?:dev\.to|forem\.com|[a-z0-9-]+\.forem\.com))\/feed\/([A-Za-z0-9_]{1,60})\/?$/;
const DAY = 24 * 60 * 60 * 1000;
const PER_PAGE = 1000;

interface ForemArticle {
  title?: unknown;
  url?: unknown;
  collection_id?: unknown;
  published_at?: unknown;
}

/** The API address for a Forem feed, or undefined when the feed is not one. */
export function foremApiUrl(feedUrl: string): string | undefined {
  const match = FOREM_FEED.exec(feedUrl);
  return match ? `${match[1]}/api/articles?username=${match[2]}&per_page=${PER_PAGE}` : undefined;
}

/** Articles grouped by `collection_id` (two or more each), oldest first; a group is named by its first article unless `names` knows it. */
export function foremDeclarations(articles: readonly ForemArticle[], from: string, names: (urls: string[]) => string | undefined): DeclaredSeries[] {
  const groups = new Map<number, { url: string; title: string; at: string }[]>();
  for (const a of articles) {
    if (typeof a.collection_id !== 'number' || typeof a.url !== 'string' || typeof a.title !== 'string') continue;
    const list = groups.get(a.collection_id) ?? [];
    list.push({ url: a.url, title: a.title, at: typeof a.published_at === 'string' ? a.published_at : '' });
    groups.set(a.collection_id, list);
  }
  const out: DeclaredSeries[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => x.at.localeCompare(y.at));
    const name = names(list.map((a) => a.url)) ?? list[0]!.title;
    // The API gives membership only: parts keep their title numbers, the others read by date.
    out.push({ source: 'api', from, name, ordered: false, entries: list.map((a) => declaredEntry({ url: a.url, title: a.title })) });
  }
  return out;
}

/** Reads the Forem API for a subscription when due (daily) and stores the series it tells; answers whether it did. */
export async function refreshForemSeries(deps: SeriesPageDeps, subscription: Subscription): Promise<boolean> {
  const api = foremApiUrl(subscription.feedUrl);
  const now = deps.now();
  if (!api || (subscription.apiCheckedAt ?? 0) + DAY > now) return false;
  const outcome = await deps.fetch(api, {});
  let articles: ForemArticle[] = [];
  if (outcome.kind === 'modified') {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(outcome.body));
      if (Array.isArray(parsed)) articles = parsed as ForemArticle[];
    } catch (error) {
      console.warn(`Partwise: ${api} did not answer JSON`, error);
    }
  }
  await deps.db.transaction('rw', refreshTables(deps.db), async () => {
    const current = await deps.db.subscriptions.get(subscription.id);
    if (!current) return;
    if (outcome.kind !== 'modified') {
      await deps.db.subscriptions.put({ ...current, apiCheckedAt: now });
      return;
    }
    const posts = await subscriptionPosts(deps.db, subscription.id).toArray();
    const seriesOf = new Map<string, string>();
    const rows = await deps.db.series.where('subscriptionId').equals(subscription.id).toArray();
    const rowNames = new Map(rows.map((row) => [row.key, row.name]));
    for (const post of posts) if (post.url && post.seriesKey) seriesOf.set(post.url, rowNames.get(post.seriesKey) ?? post.seriesKey);
    const declared = foremDeclarations(articles, api, (urls) => urls.map((u) => seriesOf.get(u)).find((n) => n !== undefined));
    await deps.db.subscriptions.put({ ...current, apiCheckedAt: now, declaredSeries: replaceDeclarations(current.declaredSeries, 'api', api, declared) });
    await assignStoredSeries(deps.db, subscription.id);
  });
  return true;
}
