/**
 * The series an article page declares, read in the content script with a few selectors and no
 * layout: Forem's series box, PublishPress's "part N of M in the series X", schema.org JSON-LD
 * `isPartOf` a series, Hugo's `og:see_also`, and a clear generic series box.
 */
import type { PageSeries, PageSeriesEntry } from '../messaging/protocol';

const MAX_ENTRIES = 200;
const MAX_JSON_LD = 4;
const MAX_JSON_CHARS = 100_000;
const PART_OF_SERIES = /\bpart\s+of\s+(?:the\s+)?["“'‘]?([^"”’\n]{1,120}?)["”’]?\s+series\b/i;
const PART_N_OF_M = /\bpart\s+(\d{1,3})\s+of\s+(\d{1,3})\b/i;
const IN_THE_SERIES = /\bin\s+the\s+series\s+["“]?([^"”\n]{1,120}?)["”]?\s*$/i;

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function webUrl(href: string | null, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function links(root: ParentNode, selector: string, base: string, title: (a: Element) => string = text): PageSeriesEntry[] {
  const out: PageSeriesEntry[] = [];
  for (const a of Array.from(root.querySelectorAll(selector)).slice(0, MAX_ENTRIES)) {
    const url = webUrl(a.getAttribute('href'), base);
    const name = title(a);
    if (url && name) out.push({ url, title: name });
  }
  return out;
}

// A list of parts: linked items, and the current part as plain text (titled, so it can be matched).
function listItems(root: ParentNode, selector: string, base: string): PageSeriesEntry[] {
  return Array.from(root.querySelectorAll(selector))
    .slice(0, MAX_ENTRIES)
    .flatMap((li) => {
      const a = li.querySelector('a[href]');
      const url = a ? webUrl(a.getAttribute('href'), base) : undefined;
      const title = text(a ?? li);
      return title ? [url ? { url, title } : { title }] : [];
    });
}

// Forem (dev.to): <div class="article-collection-wrapper"><nav aria-label="X series"> or "Part of "X" series", items in reading order.
function forem(doc: Document, base: string): PageSeries | undefined {
  const box = doc.querySelector('.article-collection-wrapper');
  if (!box) return undefined;
  const label = box.querySelector('nav[aria-label]')?.getAttribute('aria-label') ?? '';
  const heading = text(box.querySelector('h2 a, h2, p'));
  const name = (PART_OF_SERIES.exec(heading)?.[1] ?? (label || heading).replace(/\s*\(\d+\s+part\s+series\)\s*$/i, '').replace(/\s+series$/i, '')).trim();
  const entries = links(box, 'a.article-collection__item, .article-collection a[href]:not([href*="/series/"])', base, (a) => text(a.querySelector('.article-collection__item-title') ?? a).replace(/^\d+\s+/, ''));
  return name && entries.length > 0 ? { source: 'forem', name, ordered: true, entries } : undefined;
}

// PublishPress Series: "This entry is part 2 of 5 in the series X" (and its list of parts, when shown).
function publishPress(doc: Document, pageUrl: string, base: string): PageSeries | undefined {
  const meta = doc.querySelector('.seriesmeta');
  if (!meta) return undefined;
  const line = text(meta);
  const part = PART_N_OF_M.exec(line);
  const name = text(meta.querySelector('a')) || IN_THE_SERIES.exec(line)?.[1]?.trim() || '';
  if (!name) return undefined;
  const list = listItems(doc, 'ul.serieslist-ul > li', base);
  const self: PageSeriesEntry = { url: pageUrl, title: doc.title, ...(part ? { position: Number(part[1]) } : {}) };
  return list.length > 0 ? { source: 'publishpress', name, ordered: true, entries: list, self } : { source: 'publishpress', name, ordered: false, entries: [self] };
}

type Json = Record<string, unknown>;

function isSeriesType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /Series$/.test(t));
}

function jsonObjects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((v): v is Json => typeof v === 'object' && v !== null);
  if (typeof value !== 'object' || value === null) return [];
  const graph = (value as Json)['@graph'];
  return Array.isArray(graph) ? jsonObjects(graph) : [value as Json];
}

// schema.org: an article isPartOf a CreativeWorkSeries, with its own `position`.
function jsonLd(doc: Document, pageUrl: string): PageSeries | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_JSON_LD)) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_CHARS || !source.includes('Series')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      continue; // A page's broken JSON-LD declares nothing.
    }
    for (const item of jsonObjects(parsed)) {
      for (const series of jsonObjects(item.isPartOf)) {
        if (!isSeriesType(series['@type']) || typeof series.name !== 'string' || !series.name.trim()) continue;
        const position = Number(item.position);
        const self: PageSeriesEntry = { url: pageUrl, title: doc.title, ...(Number.isInteger(position) && position > 0 ? { position } : {}) };
        return { source: 'json-ld', name: series.name.trim(), ordered: self.position !== undefined, entries: [self] };
      }
    }
  }
  return undefined;
}

// Hugo's internal Open Graph template lists the other posts of the page's series as og:see_also (membership only).
function seeAlso(doc: Document, pageUrl: string, base: string): PageSeries | undefined {
  const metas = Array.from(doc.querySelectorAll('meta[property="og:see_also"]')).slice(0, MAX_ENTRIES);
  const entries = metas.flatMap((meta) => {
    const url = webUrl(meta.getAttribute('content'), base);
    return url ? [{ url }] : [];
  });
  if (entries.length === 0) return undefined;
  return { source: 'og-see-also', name: '', ordered: false, entries: [...entries, { url: pageUrl, title: doc.title }] };
}

// A clear generic box: an element named for series that says "part of the X series" or "Part N of M".
function genericBox(doc: Document, pageUrl: string, base: string): PageSeries | undefined {
  for (const box of Array.from(doc.querySelectorAll('article [class*="series" i], main [class*="series" i], .post-series, #series')).slice(0, 5)) {
    const line = text(box).slice(0, 2000);
    const name = PART_OF_SERIES.exec(line)?.[1]?.trim() ?? IN_THE_SERIES.exec(line.split(/[.!]/)[0] ?? '')?.[1]?.trim();
    if (!name) continue;
    const part = PART_N_OF_M.exec(line);
    const entries = listItems(box, 'ol > li, ul > li', base);
    const self: PageSeriesEntry = { url: pageUrl, title: doc.title, ...(part ? { position: Number(part[1]) } : {}) };
    if (entries.length > 1) return { source: 'generic', name, ordered: true, entries, self };
    return { source: 'generic', name, ordered: part !== null, entries: [self] };
  }
  return undefined;
}

/** Every series the page declares (usually none or one). */
export function readPageSeries(doc: Document, pageUrl: string): PageSeries[] {
  const base = doc.baseURI || pageUrl;
  const found = [forem(doc, base), publishPress(doc, pageUrl, base), jsonLd(doc, pageUrl), seeAlso(doc, pageUrl, base)];
  const declared = found.filter((s): s is PageSeries => s !== undefined);
  if (declared.length > 0) return declared;
  const generic = genericBox(doc, pageUrl, base);
  return generic ? [generic] : [];
}
