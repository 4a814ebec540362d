/**
 * What every format mapper shares: drafts of items collected field by field, then finalized
 * into the normalized model (plain text, summary, id fallback, de-duplication).
 */
import { escapeHtml, type EntityContext } from './decode-entities';
import { resolveHtmlUrls } from './resolve-url';
import { collapseWhitespace, htmlToText, summarizeHtml, summarizeText } from './text';
import type { Enclosure, ItemSeries, ParsedItem } from './types';
import type { NameContext } from './xml';

export interface DocContext {
  entities: EntityContext;
  names: NameContext;
  /**
   * The base before any `xml:base`: the feed's URL (the `Content-Location` the fetch layer passes,
   * else the URL fetched), or else its self link. Relative URLs, ids and links in HTML resolve
   * against it, as RFC 4287 and feed readers do; only an item of a document with no base at all
   * resolves its HTML against its own link.
   */
  documentBase?: string;
  /** Compute contentHtml, enclosures and the feed description (`ParseOptions.details`). */
  details?: boolean;
}

/** A value that is either plain text or HTML source. */
export interface TextValue {
  html: boolean;
  value: string;
  /** HTML whose tags may be text (`Vec<T>` in an RSS title): strip known HTML tags only. */
  ambiguous?: boolean;
  /** Base URL for relative URLs in the HTML. */
  base?: string;
}

/** An item while its elements are being read, before it is finalized into a ParsedItem. */
export interface ItemDraft {
  id?: string;
  title?: TextValue;
  url?: string;
  published?: string;
  updated?: string;
  authors: string[];
  summary?: TextValue;
  content?: TextValue;
  categories: string[];
  enclosures: Enclosure[];
  series?: ItemSeries;
}

/** An empty item draft. */
export function newDraft(): ItemDraft {
  return { authors: [], categories: [], enclosures: [] };
}

/** Plain text of a text value (titles, names, descriptions). */
export function plainText(value: TextValue | undefined): string {
  if (!value) return '';
  return value.html ? htmlToText(value.value, { knownOnly: value.ambiguous }) : collapseWhitespace(value.value);
}

function contentHtml(value: TextValue): string {
  return value.html ? resolveHtmlUrls(value.value, value.base) : escapeHtml(value.value);
}

function summaryOf(value: TextValue): string | undefined {
  return value.html ? summarizeHtml(value.value) : summarizeText(value.value);
}

/** Adds a plain-text entry to a list unless empty or already present. */
export function addUnique(list: string[], value: string | undefined): void {
  if (value === undefined) return;
  const text = collapseWhitespace(value);
  if (text !== '' && !list.includes(text)) list.push(text);
}

/** Adds an enclosure (a podcast's audio, say) unless its URL is missing or already listed. */
export function addEnclosure(list: Enclosure[], url: string | undefined, type?: string, length?: string | number): void {
  if (url === undefined || list.some((e) => e.url === url)) return;
  const enclosure: { url: string; type?: string; length?: number } = { url };
  const t = type?.trim();
  if (t) enclosure.type = t;
  const n = typeof length === 'number' ? length : length !== undefined && /^\s*\d+\s*$/.test(length) ? Number(length) : NaN;
  if (Number.isFinite(n) && n > 0) enclosure.length = n;
  list.push(enclosure);
}

/** A 53-bit string hash (cyrb53), stable across runs and platforms. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function finalizeItem(draft: ItemDraft, urlIsUnique: boolean, details: boolean): ParsedItem {
  const title = plainText(draft.title);
  const html = details && draft.content ? contentHtml(draft.content) : undefined;
  const summarySource = draft.summary ?? draft.content;
  const summary = summarySource ? summaryOf(summarySource) : undefined;
  const date = draft.published ?? draft.updated;
  let id = draft.id !== undefined && draft.id !== '' ? draft.id : undefined;
  if (id === undefined && draft.url !== undefined && urlIsUnique) id = draft.url;
  // Title and date (and the link, when several items share it); without a date, the summary
  // too, so undated items of one title stay apart.
  id ??= 'hash:' + stableHash(`${draft.url ?? ''}\n${title}\n${date ?? ''}${date === undefined ? '\n' + (summary ?? '') : ''}`);
  const item: {
    -readonly [K in keyof ParsedItem]: ParsedItem[K];
  } = { id, title, authors: draft.authors, categories: draft.categories };
  if (details) item.enclosures = draft.enclosures;
  if (draft.url !== undefined) item.url = draft.url;
  if (draft.published !== undefined) item.published = draft.published;
  if (draft.updated !== undefined) item.updated = draft.updated;
  if (summary !== undefined && summary !== '') item.summary = summary;
  if (html !== undefined && html.trim() !== '') item.contentHtml = html;
  if (draft.series) item.series = draft.series;
  return item;
}

/**
 * Finalizes the drafts of one feed, in document order. Ids: the feed's own (guid, atom:id, JSON
 * id); else the link, unless several id-less items share it (feeds that link every item to the
 * home page); else a stable hash. Items repeating an earlier id are dropped (the first is kept).
 */
export function finalizeItems(drafts: ItemDraft[], details = false): ParsedItem[] {
  const urlCount = new Map<string, number>();
  for (const d of drafts) {
    if ((d.id === undefined || d.id === '') && d.url !== undefined) urlCount.set(d.url, (urlCount.get(d.url) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const hashes = new Map<string, number>();
  const items: ParsedItem[] = [];
  for (const draft of drafts) {
    // HTML with no base at all (no feed URL, no self link, no xml:base): the item's own link.
    if (draft.content?.html && draft.url !== undefined && draft.content.base === undefined) draft.content.base = draft.url;
    let item = finalizeItem(draft, draft.url === undefined || urlCount.get(draft.url) === 1, details);
    if (item.id.startsWith('hash:')) {
      // Id-less items that hash alike are still distinct entries of the document: numbered by
      // occurrence, so the ids stay stable from one refresh to the next.
      const count = (hashes.get(item.id) ?? 0) + 1;
      hashes.set(item.id, count);
      if (count > 1) item = { ...item, id: `${item.id}:${count}` };
    }
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return items;
}

/** Author names from RSS `<author>` (`jane@example.com (Jane Doe)`), Dublin Core and iTunes. */
export function authorName(text: string): string | undefined {
  const value = collapseWhitespace(text);
  if (value === '') return undefined;
  // `email (Name)` and `Name <email>`, found with indexOf: no backtracking on hostile values.
  const open = value.indexOf('(');
  if (open > 0 && value.endsWith(')') && isEmail(value.slice(0, open).trimEnd())) {
    const name = value.slice(open + 1, -1).trim();
    if (name !== '') return name;
  }
  const lt = value.lastIndexOf('<');
  if (lt > 0 && value.endsWith('>') && isEmail(value.slice(lt + 1, -1))) {
    const name = value.slice(0, lt).trim().replace(/^"|"$/g, '').trim();
    if (name !== '') return name;
  }
  return value;
}

// An address-like token: no whitespace, an `@` with something on both sides.
function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && at < text.length - 1 && !/\s/.test(text);
}
