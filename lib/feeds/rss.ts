/**
 * RSS 0.90, 0.91, 0.92, 2.0 and RSS 1.0 (RDF) into the normalized model. Elements are matched by
 * canonical name (see xml.ts), so `r:title`, `TiTlE` and an undeclared `dc:` all read as meant.
 */
import { decodeEntities } from './decode-entities';
import {
  addEnclosure, addUnique, authorName, finalizeItems, newDraft, plainText,
  type DocContext, type ItemDraft, type TextValue,
} from './item-builder';
import { parseDate } from './parse-date';
import { resolveId, resolveUrl } from './resolve-url';
import { itemSeries } from './series-meta';
import { rawToHtml, rawToText, xhtmlToHtml } from './text';
import type { FeedFormat, ParsedFeed } from './types';
import {
  attr, attrsOf, baseOf, canonicalName, eachElement, innerXml, tagOf, textOf,
  type Attrs, type Scope, type Visitor, type XNode,
} from './xml';

function html(children: XNode[], ctx: DocContext, base: string | undefined, ambiguous = false): TextValue {
  return { html: true, value: rawToHtml(innerXml(children), ctx.entities), base, ambiguous };
}

function isAlternate(attrs: Attrs | undefined): boolean {
  const rel = attr(attrs, 'rel')?.trim().toLowerCase();
  return rel === undefined || rel === '' || rel === 'alternate';
}

interface ChannelInfo {
  title?: TextValue;
  siteUrl?: string;
  alternate?: string;
  description?: TextValue;
  updated?: string;
  published?: string;
  ttlMinutes?: number;
}

/** Maps an RSS 0.9x/2.0 or RDF (RSS 1.0) document to the normalized feed. */
export function mapRss(
  root: XNode,
  rootTag: string,
  rootScope: Scope,
  ctx: DocContext,
  format: Extract<FeedFormat, 'rss' | 'rdf'>,
  version: string | undefined,
  feedUrl: string | undefined,
): ParsedFeed {
  const rootBase = baseOf(feedUrl, attrsOf(root));
  const info: ChannelInfo = {};
  const drafts: ItemDraft[] = [];

  const readItem = (node: XNode, attrs: Attrs | undefined, scope: Scope, base: string | undefined): void => {
    drafts.push(readRssItem(node, tagOf(node), scope, baseOf(base, attrs), ctx));
  };

  const readChannel = (node: XNode, tag: string, scope: Scope, base: string | undefined): void => {
    // Without a feed URL, the feed's own `atom:link rel="self"` is the next best base.
    if (base === undefined) {
      eachElement(node, tag, scope, ctx.names, (name, _c, attrs) => {
        if (base === undefined && name === 'atom:link' && attr(attrs, 'rel')?.trim() === 'self') {
          base = resolveUrl(decodeEntities(attr(attrs, 'href') ?? ''));
        }
      });
      ctx.documentBase ??= base;
    }
    eachElement(node, tag, scope, ctx.names, (name, children, attrs, childScope, child) => {
      switch (name) {
        case 'item':
          readItem(child, attrs, childScope, base);
          break;
        case 'title':
          info.title ??= html(children, ctx, base, true);
          break;
        case 'dc:title':
          info.title ??= html(children, ctx, base, true);
          break;
        case 'link':
          info.siteUrl ??= resolveUrl(textOf(children, ctx.entities), baseOf(base, attrs));
          break;
        case 'atom:link':
          if (isAlternate(attrs)) info.alternate ??= resolveUrl(decodeEntities(attr(attrs, 'href') ?? ''), baseOf(base, attrs));
          break;
        case 'description':
        case 'dc:description':
        case 'subtitle':
        case 'tagline':
        case 'itunes:summary':
        case 'itunes:subtitle':
          if (ctx.details && (name === 'description' || info.description === undefined)) info.description = html(children, ctx, base);
          break;
        case 'lastbuilddate':
        case 'dc:date':
        case 'dcterms:modified':
        case 'atom:updated':
          info.updated = parseDate(textOf(children, ctx.entities)) ?? info.updated;
          break;
        case 'pubdate':
        case 'dcterms:issued':
        case 'dcterms:created':
          info.published = parseDate(textOf(children, ctx.entities)) ?? info.published;
          break;
        case 'ttl': {
          const minutes = Number(textOf(children, ctx.entities).trim());
          if (Number.isInteger(minutes) && minutes > 0) info.ttlMinutes = minutes;
          break;
        }
      }
    });
  };

  // <rss><channel>…<item/>…</channel></rss>, <rdf:RDF><channel/><item/>…</rdf:RDF>, a bare <channel>.
  if (format === 'rss' && canonicalName(rootTag, rootScope, ctx.names) === 'channel') {
    readChannel(root, rootTag, rootScope, rootBase);
  } else {
    eachElement(root, rootTag, rootScope, ctx.names, (name, _children, attrs, scope, child) => {
      if (name === 'channel') readChannel(child, tagOf(child), scope, baseOf(rootBase, attrs));
      else if (name === 'item') readItem(child, attrs, scope, rootBase);
    });
  }

  const feed: { -readonly [K in keyof ParsedFeed]: ParsedFeed[K] } = {
    format,
    title: plainText(info.title),
    items: finalizeItems(drafts, ctx.details),
  };
  if (version !== undefined) feed.version = version;
  const siteUrl = info.siteUrl ?? info.alternate;
  if (siteUrl !== undefined) feed.siteUrl = siteUrl;
  const description = ctx.details ? plainText(info.description) : '';
  if (description !== '') feed.description = description;
  const updated = info.updated ?? info.published;
  if (updated !== undefined) feed.updated = updated;
  if (info.published !== undefined) feed.published = info.published;
  if (info.ttlMinutes !== undefined) feed.ttlMinutes = info.ttlMinutes;
  return feed;
}

function readRssItem(node: XNode, tag: string, scope: Scope, base: string | undefined, ctx: DocContext): ItemDraft {
  const reader = new RssItemReader(base, ctx);
  eachElement(node, tag, scope, ctx.names, reader);
  return reader.finish();
}

/** The state of one RSS item while its elements are read (a class: no closures per item). */
class RssItemReader implements Visitor {
  readonly draft = newDraft();
  link: string | undefined;
  origLink: string | undefined;
  alternate: string | undefined;
  guid: string | undefined;
  guidIsLink = false;
  description: TextValue | undefined;
  content: TextValue | undefined;
  fallbackSummary: TextValue | undefined;
  published: string | undefined;
  dcDate: string | undefined;
  otherPublished: string | undefined;
  title: TextValue | undefined;
  dcTitle: TextValue | undefined;
  mediaTitle: TextValue | undefined;
  media: { url?: string; type?: string; length?: string }[] | undefined;
  seriesName: string | undefined;

  constructor(
    readonly base: string | undefined,
    readonly ctx: DocContext,
  ) {}

  visit(name: string, children: XNode[], attrs: Attrs | undefined, childScope: Scope, child: XNode): void {
    const { ctx, draft } = this;
    const base = attrs === undefined ? this.base : baseOf(this.base, attrs);
    switch (name) {
      case 'title':
        this.title ??= html(children, ctx, base, true);
        break;
      case 'dc:title':
        this.dcTitle ??= html(children, ctx, base, true);
        break;
      case 'media:title':
        this.mediaTitle ??= html(children, ctx, base, true);
        break;
      case 'link':
        if (this.link === undefined) {
          const href = attr(attrs, 'href');
          this.link = resolveUrl(href !== undefined ? decodeEntities(href) : textOf(children, ctx.entities), base);
        }
        break;
      case 'feedburner:origlink':
        this.origLink ??= resolveUrl(textOf(children, ctx.entities), base);
        break;
      case 'atom:link': {
        const href = resolveUrl(decodeEntities(attr(attrs, 'href') ?? ''), base);
        const rel = attr(attrs, 'rel')?.trim().toLowerCase();
        if (rel === 'enclosure') addEnclosure(draft.enclosures, href, attr(attrs, 'type'), attr(attrs, 'length'));
        else if (isAlternate(attrs)) this.alternate ??= href;
        break;
      }
      case 'guid': {
        const value = textOf(children, ctx.entities);
        if (value !== '' && this.guid === undefined) {
          this.guid = resolveId(value, base);
          this.guidIsLink = attr(attrs, 'isPermaLink')?.trim().toLowerCase() !== 'false';
        }
        break;
      }
      case 'description':
        this.description ??= html(children, ctx, base);
        break;
      case 'content:encoded':
      case 'fullitem':
      case 'content':
        this.content ??= html(children, ctx, base);
        break;
      case 'body':
      case 'xhtml:body':
        this.content ??= { html: true, value: xhtmlToHtml(innerXml(children), false), base };
        break;
      case 'dc:description':
        this.fallbackSummary = html(children, ctx, base);
        break;
      case 'itunes:summary':
      case 'itunes:subtitle':
      case 'media:description':
        if (this.fallbackSummary === undefined || name === 'itunes:summary') {
          this.fallbackSummary ??= { html: false, value: rawToText(innerXml(children), ctx.entities) };
        }
        break;
      case 'pubdate':
        this.published = parseDate(textOf(children, ctx.entities)) ?? this.published;
        break;
      case 'dc:date':
        // Dublin Core's date is when the item last changed, and its publication date when nothing better says so.
        this.dcDate = parseDate(textOf(children, ctx.entities)) ?? this.dcDate;
        break;
      case 'dcterms:issued':
      case 'dcterms:created':
      case 'atom:published':
        this.otherPublished = parseDate(textOf(children, ctx.entities)) ?? this.otherPublished;
        break;
      case 'dcterms:modified':
      case 'atom:updated':
        draft.updated = parseDate(textOf(children, ctx.entities)) ?? draft.updated;
        break;
      case 'author':
      case 'dc:creator':
      case 'dc:author':
      case 'itunes:author':
      case 'dc:contributor':
        if (name === 'dc:contributor' && draft.authors.length > 0) break;
        addUnique(draft.authors, authorName(textOf(children, ctx.entities)));
        break;
      case 'atom:author':
        eachElement(child, tagOf(child), childScope, ctx.names, (sub, subChildren) => {
          if (sub === 'atom:name' || sub === 'name') addUnique(draft.authors, textOf(subChildren, ctx.entities));
        });
        break;
      case 'category':
      case 'dc:subject':
      case 'media:category':
        addUnique(draft.categories, textOf(children, ctx.entities));
        break;
      case 'enclosure':
        addEnclosure(
          draft.enclosures,
          resolveUrl(decodeEntities(attr(attrs, 'url') ?? attr(attrs, 'href') ?? ''), base),
          attr(attrs, 'type'),
          attr(attrs, 'length'),
        );
        break;
      case 'media:content':
        (this.media ??= []).push({ url: attr(attrs, 'url'), type: attr(attrs, 'type'), length: attr(attrs, 'fileSize') });
        break;
      case 'media:group':
        eachElement(child, tagOf(child), childScope, ctx.names, this);
        break;
      case 'series:name':
        this.seriesName ??= textOf(children, ctx.entities);
        break;
    }
  }

  finish(): ItemDraft {
    const { draft, base } = this;
    // Audio and video from Media RSS count as enclosures when the item has none of its own.
    if (draft.enclosures.length === 0 && this.media) {
      for (const m of this.media) {
        if (m.type && /^(audio|video)\//i.test(m.type)) addEnclosure(draft.enclosures, resolveUrl(decodeEntities(m.url ?? ''), base), m.type, m.length);
      }
    }
    draft.title = this.title ?? this.dcTitle ?? this.mediaTitle;
    draft.id = this.guid;
    draft.url = this.origLink ?? this.link ?? this.alternate ?? (this.guid !== undefined && this.guidIsLink ? resolveUrl(this.guid, base) : undefined);
    draft.published = this.published ?? this.dcDate ?? this.otherPublished;
    draft.updated ??= this.dcDate;
    draft.content = this.content ?? this.description;
    draft.summary = this.description ?? this.fallbackSummary;
    const series = itemSeries(this.seriesName, draft.content?.value);
    if (series) draft.series = series;
    return draft;
  }
}
