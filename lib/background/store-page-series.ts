import type { DeclaredSeries, PartwiseDatabase, Post } from '../db';
import { refreshTables } from '../db/schema';
import type { PageSeries } from '../messaging/protocol';
import { assignStoredSeries } from '../refresh/assign-stored-series';
import { declaredEntry, mergeDeclaration } from '../series/declarations';

// What one page may declare: the content script runs on pages we do not control.
const MAX_SERIES = 5;
const MAX_ENTRIES = 200;
const MAX_TEXT = 500;

function clip(text: string | undefined): string | undefined {
  return typeof text === 'string' ? text.slice(0, MAX_TEXT) : undefined;
}

/**
 * An article page's series as a stored declaration; a nameless one (og:see_also) takes `fallbackName`.
 * The page itself is named by the post it was matched to (`postUrl`: by canonical link, og:url, AMP…).
 */
export function pageDeclaration(series: PageSeries, pageUrl: string, fallbackName: string, postUrl?: string): DeclaredSeries | undefined {
  const name = (clip(series.name)?.trim() || fallbackName).trim();
  if (!name || !Array.isArray(series.entries)) return undefined;
  const own = (url: string | undefined) => (url === pageUrl && postUrl ? postUrl : clip(url));
  const entries = series.entries.slice(0, MAX_ENTRIES).map((e) => declaredEntry({ url: own(e.url), title: clip(e.title), position: e.position }));
  // The page itself, numbered by the page, when its list does not already name it.
  if (series.self?.position !== undefined && !entries.some((e) => e.position === series.self?.position)) {
    entries.push(declaredEntry({ url: own(series.self.url), title: clip(series.self.title), position: series.self.position }));
  }
  const usable = entries.filter((e) => e.normalizedUrl !== undefined || e.title !== undefined);
  if (usable.length === 0) return undefined;
  return { source: 'article-page', from: pageUrl, name, ordered: series.ordered === true, entries: usable };
}

/**
 * Stores the series an article page declares on the subscriptions of the posts it is, and re-assigns
 * their series at once, so the next grouping uses it for every post it names. Answers whether anything changed.
 */
export async function storePageSeries(db: PartwiseDatabase, pageUrl: string, declared: readonly PageSeries[], posts: readonly Post[]): Promise<boolean> {
  if (declared.length === 0 || posts.length === 0) return false;
  let changed = false;
  await db.transaction('rw', refreshTables(db), async () => {
    for (const subscriptionId of new Set(posts.map((post) => post.subscriptionId))) {
      const current = await db.subscriptions.get(subscriptionId);
      if (!current || current.archivedAt !== undefined) continue;
      const post = posts.find((p) => p.subscriptionId === subscriptionId)!;
      const row = post.seriesKey === undefined ? undefined : await db.series.where('[subscriptionId+key]').equals([subscriptionId, post.seriesKey]).first();
      let list = current.declaredSeries;
      for (const series of declared.slice(0, MAX_SERIES)) {
        const declaration = pageDeclaration(series, pageUrl, row?.name ?? post.title, post.url);
        if (declaration) list = mergeDeclaration(list, declaration);
      }
      if (JSON.stringify(list) === JSON.stringify(current.declaredSeries)) continue;
      await db.subscriptions.put({ ...current, declaredSeries: list });
      await assignStoredSeries(db, subscriptionId);
      changed = true;
    }
  });
  return changed;
}
