/** Building and merging the author's series declarations kept on a subscription (pure). */
import type { DeclarationSource, DeclaredEntry, DeclaredSeries } from '../db/types';
import type { ParsedItem } from '../feeds/types';
import type { SeriesOutline } from '../pages/read-series-outline';
import { safeNormalizeArticleUrl } from '../urls/safe-normalize';
import { seriesKey } from './series-key';
import { titleMatchKey } from './title-match-key';

// Bounds so a hostile page cannot grow a subscription row without limit.
const MAX_DECLARATIONS = 200;
const MAX_ENTRIES = 500;

/** An entry with its URL normalized once, for matching. */
export function declaredEntry(entry: { url?: string; title?: string; position?: number }): DeclaredEntry {
  const out: DeclaredEntry = {};
  if (entry.url) {
    out.url = entry.url;
    const normalized = safeNormalizeArticleUrl(entry.url);
    if (normalized) out.normalizedUrl = normalized;
  }
  if (entry.title?.trim()) out.title = entry.title.trim();
  if (entry.position !== undefined && Number.isInteger(entry.position) && entry.position > 0) out.position = entry.position;
  return out;
}

/** The declarations a series page's outline makes. */
export function outlineDeclarations(outline: readonly SeriesOutline[], pageUrl: string, source: DeclarationSource = 'series-page'): DeclaredSeries[] {
  return outline.slice(0, MAX_DECLARATIONS).map((series) => ({
    source,
    from: pageUrl,
    name: series.name,
    ordered: series.ordered,
    entries: series.entries.slice(0, MAX_ENTRIES).map((e) => declaredEntry(e)),
  }));
}

/** The stored declarations with those read from `from` (by `source`) replaced by `next`. */
export function replaceDeclarations(existing: readonly DeclaredSeries[] | undefined, source: DeclarationSource, from: string, next: readonly DeclaredSeries[]): DeclaredSeries[] {
  const kept = (existing ?? []).filter((d) => !(d.source === source && d.from === from));
  return [...kept, ...next].slice(-MAX_DECLARATIONS);
}

function entryKey(entry: DeclaredEntry): string {
  return entry.normalizedUrl ?? `title:${titleMatchKey(entry.title ?? '')}`;
}

/** Entries of one series from two readings: the newer reading wins for a post both name; order: older first, newer after. */
function mergeEntries(older: readonly DeclaredEntry[], newer: readonly DeclaredEntry[]): DeclaredEntry[] {
  const byKey = new Map<string, DeclaredEntry>();
  for (const e of older) byKey.set(entryKey(e), e);
  for (const e of newer) byKey.set(entryKey(e), e);
  return [...byKey.values()].slice(-MAX_ENTRIES);
}

/** Adds a declaration, merging it with a stored one of the same source and series name (article pages, feeds name one post at a time). */
export function mergeDeclaration(existing: readonly DeclaredSeries[] | undefined, next: DeclaredSeries): DeclaredSeries[] {
  const key = seriesKey(next.name);
  const list = [...(existing ?? [])];
  const index = list.findIndex((d) => d.source === next.source && seriesKey(d.name) === key && (next.source !== 'feed' || d.from === next.from));
  if (index < 0) return [...list, next].slice(-MAX_DECLARATIONS);
  const old = list[index]!;
  list[index] = { ...next, ordered: next.ordered || old.ordered, entries: mergeEntries(old.entries, next.entries) };
  return list;
}

/** Stored declarations updated with the series the feed's items declare (`<series:name>`, "part N of M in the series X"). */
export function mergeFeedDeclarations(existing: readonly DeclaredSeries[] | undefined, feedUrl: string, items: readonly ParsedItem[]): DeclaredSeries[] | undefined {
  const bySeries = new Map<string, DeclaredSeries>();
  for (const item of items) {
    const name = item.series?.name?.trim();
    if (!name || seriesKey(name) === '') continue;
    let declared = bySeries.get(seriesKey(name));
    if (!declared) bySeries.set(seriesKey(name), (declared = { source: 'feed', from: feedUrl, name, ordered: false, entries: [] }));
    declared.entries.push(declaredEntry({ url: item.url, title: item.title, position: item.series?.part }));
  }
  if (bySeries.size === 0) return existing === undefined ? undefined : [...existing];
  let out = [...(existing ?? [])];
  for (const declared of bySeries.values()) out = mergeDeclaration(out, declared);
  return out;
}
