/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the normalized model. */
import { FeedError } from './feed-error';
import { addEnclosure, addUnique, finalizeItems, newDraft, plainText, type ItemDraft } from './item-builder';
import { parseDate } from './parse-date';
import { resolveUrl } from './resolve-url';
import type { ParsedFeed } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The JSON Feed version of a parsed JSON value, or undefined if it is not a JSON Feed. */
export function jsonFeedVersion(data: unknown): string | undefined {
  if (!isObject(data)) return undefined;
  const version = str(data.version);
  if (version !== undefined && /jsonfeed\.org\/version\//i.test(version)) {
    return /\/1\.1\/?$/.test(version.trim()) ? '1.1' : '1.0';
  }
  // No version: accept only what is unmistakably a JSON Feed (items of JSON Feed items).
  const items = data.items;
  if (version === undefined && Array.isArray(items) && typeof data.title === 'string') {
    const looksLikeItems = items.length > 0 && items.every((i) => isObject(i) && ('content_html' in i || 'content_text' in i) && ('id' in i || 'url' in i));
    if (looksLikeItems) return '1.0';
  }
  return undefined;
}

function authorsOf(value: Json, into: string[]): void {
  const list = Array.isArray(value.authors) ? value.authors : isObject(value.author) ? [value.author] : [];
  for (const author of list) if (isObject(author)) addUnique(into, plainText({ html: true, ambiguous: true, value: str(author.name) ?? '' }));
}

/** Maps a JSON Feed 1.0/1.1 document to the normalized feed. */
export function mapJsonFeed(data: Json, version: string, feedUrl: string | undefined, details = false): ParsedFeed {
  const base = feedUrl ?? resolveUrl(str(data.feed_url));
  const feedAuthors: string[] = [];
  authorsOf(data, feedAuthors);
  const rawItems = Array.isArray(data.items) ? data.items : [];
  const drafts: ItemDraft[] = [];
  for (const raw of rawItems) {
    if (!isObject(raw)) continue;
    const draft: ItemDraft = newDraft();
    const id = str(raw.id)?.trim();
    if (id) draft.id = id;
    const title = str(raw.title);
    if (title !== undefined) draft.title = { html: true, ambiguous: true, value: title };
    draft.url = resolveUrl(str(raw.url), base) ?? resolveUrl(str(raw.external_url), base);
    draft.published = parseDate(str(raw.date_published));
    draft.updated = parseDate(str(raw.date_modified));
    authorsOf(raw, draft.authors);
    if (draft.authors.length === 0) draft.authors.push(...feedAuthors);
    const html = str(raw.content_html);
    const text = str(raw.content_text);
    if (html !== undefined && html.trim() !== '') draft.content = { html: true, value: html, base: draft.url ?? base };
    else if (text !== undefined) draft.content = { html: false, value: text };
    const summary = str(raw.summary);
    if (summary !== undefined && summary.trim() !== '') draft.summary = { html: true, ambiguous: true, value: summary };
    if (Array.isArray(raw.tags)) for (const tag of raw.tags) addUnique(draft.categories, str(tag));
    if (Array.isArray(raw.attachments)) {
      for (const a of raw.attachments) {
        if (!isObject(a)) continue;
        const size = a.size_in_bytes;
        addEnclosure(draft.enclosures, resolveUrl(str(a.url), base), str(a.mime_type), typeof size === 'number' ? size : str(size));
      }
    }
    drafts.push(draft);
  }
  const feed: { -readonly [K in keyof ParsedFeed]: ParsedFeed[K] } = {
    format: 'json',
    version,
    title: plainText({ html: true, ambiguous: true, value: str(data.title) ?? '' }),
    items: finalizeItems(drafts, details),
  };
  const siteUrl = resolveUrl(str(data.home_page_url), base);
  if (siteUrl !== undefined) feed.siteUrl = siteUrl;
  const description = details ? plainText({ html: true, value: str(data.description) ?? '' }) : '';
  if (description !== '') feed.description = description;
  return feed;
}

/** Parses JSON text, throwing a `malformed` FeedError when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FeedError('malformed', `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
}
