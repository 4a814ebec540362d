import { feedUrlKey, parseFeedUrl } from './feed-url.ts';
import { lineLocator } from './line-locator.ts';
import { OpmlError } from './opml-error.ts';
import type { OpmlFeed, OpmlImport, OpmlProblem } from './opml-types.ts';
import { exceedsUtf8Bytes } from '../text/exceeds-utf8-bytes';
import { fileSizeText } from '../i18n/file-size';
import { t, type MessageKey } from '../i18n/t';
import { decodeEntities } from '../feeds/decode-entities';
import { plainTextOf as plainText } from '../feeds/text';
import { attrsOf, childrenOf, parseXmlDocument, startIndexOf, tagOf, xmlProblem, type XNode } from '../feeds/xml';
import { assertNoEntityDeclarations } from './xml-safety.ts';

export { OpmlError } from './opml-error.ts';
export type { OpmlErrorCode } from './opml-error.ts';
export type { OpmlFeed, OpmlImport, OpmlProblem } from './opml-types.ts';

/** Default size limit: far above any real subscription list (1,000 feeds ≈ 200 KB). */
export const DEFAULT_OPML_MAX_BYTES = 20 * 1024 * 1024;
const MAX_TITLE_LENGTH = 1000;
const MAX_LABEL_LENGTH = 120;
// A sentence about a skipped or merged entry; its `$1` names the entry.
type OpmlProblemMessage = Extract<MessageKey, `opmlProblem${string}`>;
// Outline types whose `url` attribute is a feed (OPML 1.0 exporters used `url` for xmlUrl).
const FEED_TYPES: ReadonlySet<string> = new Set(['rss', 'atom', 'feed']);

/**
 * Reads an OPML 1.0/2.0 subscription list. Folders become tags; duplicate, invalid and
 * address-less entries are reported in `problems`. Throws `OpmlError` for non-OPML, broken or oversized input.
 */
export function parseOpml(text: string, options?: { maxBytes?: number }): OpmlImport {
  const maxBytes = options?.maxBytes ?? DEFAULT_OPML_MAX_BYTES;
  if (exceedsUtf8Bytes(text, maxBytes)) throw new OpmlError('too-large', t('opmlErrorTooLarge', fileSizeText(maxBytes)));
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!source.trimStart().startsWith('<')) throw notOpml('opmlErrorNotOpml');
  const root = readXmlDocument(source).find((entry) => elementName(entry) !== null);
  assertOpmlRoot(root);
  const collector = new FeedCollector(lineLocator(source));
  for (const body of childElements(root, 'body')) collector.walk(childElements(body, 'outline'), []);
  const title = documentTitle(root);
  return { ...(title ? { title } : {}), feeds: collector.feeds, problems: collector.problems };
}

function assertOpmlRoot(root: XmlEntry | undefined): asserts root is XmlEntry {
  const name = root === undefined ? null : elementName(root);
  if (name === 'opml') return;
  if (name === 'rss' || name === 'feed' || name === 'rdf:rdf') {
    throw notOpml('opmlErrorSingleFeed');
  }
  if (name === 'html') throw notOpml('opmlErrorWebPage');
  throw notOpml('opmlErrorNotOpml');
}

function notOpml(key: Extract<MessageKey, `opmlError${string}`>): OpmlError {
  return new OpmlError('not-opml', t(key));
}

function documentTitle(root: XmlEntry): string | undefined {
  const titleElement = childElements(root, 'head').flatMap((head) => childElements(head, 'title'))[0];
  if (titleElement === undefined) return undefined;
  const raw = textParts(titleElement).map((part) => (part.literal ? part.text : decodeEntities(part.text))).join(' ');
  return plainText(raw, MAX_TITLE_LENGTH) || undefined;
}

/** Walks the outline tree once, collecting feeds, merging duplicates and noting problems. */
class FeedCollector {
  readonly feeds: OpmlFeed[] = [];
  readonly problems: OpmlProblem[] = [];
  private readonly byKey = new Map<string, OpmlFeed>();

  constructor(private readonly lineAt: (offset: number) => number) {}

  walk(outlines: readonly XmlEntry[], tags: readonly string[]): void {
    for (const outline of outlines) this.visit(outline, tags);
  }

  private visit(outline: XmlEntry, tags: readonly string[]): void {
    const attributes = attributesOf(outline);
    const name = plainText(decodeEntities(attributes.get('text') ?? attributes.get('title') ?? ''), MAX_TITLE_LENGTH);
    const type = (attributes.get('type') ?? '').trim().toLowerCase();
    const rawUrl = attributes.get('xmlurl') ?? (FEED_TYPES.has(type) ? attributes.get('url') : undefined);
    const children = childElements(outline, 'outline');
    const pageUrl = type === 'html' && rawUrl === undefined ? attributes.get('htmlurl') : undefined;
    if (pageUrl !== undefined) {
      // A page Partwise follows without a feed (its own export): the page is the address.
      this.addFeed(outline, name, decodeEntities(pageUrl), undefined, tags, decodeEntities(attributes.get('partwiselist') ?? ''));
    } else if (rawUrl !== undefined) {
      this.addFeed(outline, name, decodeEntities(rawUrl), attributes.get('htmlurl'), tags);
    } else if (children.length === 0 && (type !== '' || attributes.has('htmlurl'))) {
      // A leaf that claims to be a feed or link but has no feed address; an untyped
      // leaf is an empty folder and is skipped silently.
      this.problem(outline, 'missing-url', name, undefined, 'opmlProblemNoAddress');
    }
    if (children.length > 0) this.walk(children, name === '' || tags.includes(name) ? tags : [...tags, name]);
  }

  private addFeed(outline: XmlEntry, name: string, rawUrl: string, rawSiteUrl: string | undefined, tags: readonly string[], pageListing?: string): void {
    if (rawUrl.trim() === '') {
      this.problem(outline, 'missing-url', name, undefined, 'opmlProblemEmptyAddress');
      return;
    }
    const parsed = parseFeedUrl(rawUrl);
    if (!parsed.ok) {
      this.problem(outline, 'invalid-url', name, rawUrl, 'opmlProblemInvalidAddress', parsed.reason);
      return;
    }
    const key = feedUrlKey(parsed.url);
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      // Readers such as Feedly list a feed once per category: keep one, union the tags.
      for (const tag of tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
      this.problem(outline, 'duplicate', name, rawUrl, 'opmlProblemDuplicate');
      return;
    }
    const feed = buildFeed(parsed.url, name, rawSiteUrl, tags);
    if (pageListing !== undefined) feed.pageListing = pageListing;
    this.byKey.set(key, feed);
    this.feeds.push(feed);
  }

  /** Records a problem as a sentence about the entry (`“Name” (line 12)`, its `$1`), with `facts` as `$2`…. */
  private problem(outline: XmlEntry, kind: OpmlProblem['kind'], name: string, rawUrl: string | undefined, message: OpmlProblemMessage, ...facts: string[]): void {
    const offset = startIndexOf(outline);
    const line = offset === undefined ? undefined : this.lineAt(offset);
    const label = entryLabel(name, rawUrl);
    const text = t(message, line === undefined ? label : t('opmlEntryAtLine', label, line), ...facts);
    this.problems.push(line === undefined ? { kind, text } : { kind, line, text });
  }
}

/** How an entry is named to the user: its title, else its address, quoted and clipped. */
function entryLabel(name: string, rawUrl: string | undefined): string {
  const shown = name || plainText(rawUrl ?? '', MAX_LABEL_LENGTH);
  if (shown === '') return t('opmlEntryUntitled');
  return t('opmlEntryQuoted', shown.length > MAX_LABEL_LENGTH ? `${shown.slice(0, MAX_LABEL_LENGTH)}…` : shown);
}

function buildFeed(url: URL, name: string, rawSiteUrl: string | undefined, tags: readonly string[]): OpmlFeed {
  const feed: OpmlFeed = { feedUrl: url.href, tags: [...tags] };
  if (name !== '') feed.title = name;
  const site = rawSiteUrl === undefined ? null : parseFeedUrl(decodeEntities(rawSiteUrl));
  if (site?.ok) feed.siteUrl = site.url.href;
  return feed;
}

// The OPML reading of the one XML tree (lib/feeds/xml.ts): names compared lower-cased, since
// exporters spell `xmlUrl` as `xmlurl` or `XMLURL`.
type XmlEntry = XNode;

/** Parses XML text into ordered entries; throws `OpmlError('malformed')` for broken or hostile XML. */
function readXmlDocument(text: string): XmlEntry[] {
  assertNoEntityDeclarations(text);
  const problem = xmlProblem(text);
  if (problem) {
    throw new OpmlError('malformed', t('opmlErrorDamagedNearLine', problem.line), { line: problem.line, detail: problem.message });
  }
  try {
    return parseXmlDocument(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new OpmlError('malformed', t('opmlErrorUnreadable'), { detail });
  }
}

/** The lower-cased element name of an entry, or null for text and CDATA. */
function elementName(entry: XmlEntry): string | null {
  const tag = tagOf(entry);
  return tag === '' || tag.charCodeAt(0) === 35 /* # */ ? null : tag.toLowerCase();
}

/** Child elements with a given (lower-case) name. */
function childElements(entry: XmlEntry, name: string): XmlEntry[] {
  return childrenOf(entry, tagOf(entry)).filter((child) => elementName(child) === name);
}

/** Attributes of an element, names lower-cased, values still entity-encoded. */
function attributesOf(entry: XmlEntry): Map<string, string> {
  const result = new Map<string, string>();
  const attrs = attrsOf(entry);
  if (attrs) for (const key in attrs) if (!result.has(key.toLowerCase())) result.set(key.toLowerCase(), String(attrs[key]));
  return result;
}

/** Raw text of an element: text parts entity-encoded, CDATA parts marked as literal. */
function textParts(entry: XmlEntry): { text: string; literal: boolean }[] {
  const parts: { text: string; literal: boolean }[] = [];
  for (const child of childrenOf(entry, tagOf(entry))) {
    const tag = tagOf(child);
    if (tag === '#text') parts.push({ text: String(child['#text']), literal: false });
    if (tag === '#cdata') for (const piece of childrenOf(child, '#cdata')) parts.push({ text: String(piece['#text'] ?? ''), literal: true });
  }
  return parts;
}
