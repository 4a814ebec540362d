/** Atom 1.0 and Atom 0.3 into the normalized model. */
import { decodeEntities } from './decode-entities';
import {
  addEnclosure, addUnique, finalizeItems, newDraft, plainText,
  type DocContext, type ItemDraft, type TextValue,
} from './item-builder';
import { parseDate } from './parse-date';
import { resolveId, resolveUrl } from './resolve-url';
import { rawToHtml, rawToText, xhtmlToHtml } from './text';
import type { ParsedFeed } from './types';
import { attr, attrsOf, baseOf, childrenOf, eachElement, innerXml, tagOf, textOf, type Attrs, type Scope, type Visitor, type XNode } from './xml';

/** Atom '0.3' (version="0.3" or the purl.org/atom namespace) or '1.0'. */
export function atomVersion(attrs: Attrs | undefined, namespace: string | undefined): string {
  if (attrs?.version?.trim() === '0.3') return '0.3';
  if (namespace !== undefined && /purl\.org\/atom\/ns/i.test(namespace)) return '0.3';
  return '1.0';
}

function decodeBase64Utf8(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  try {
    const binary = atob(clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * An Atom text construct: `type` text | html | xhtml (1.0) or a MIME type with `mode`
 * xml | escaped | base64 (0.3).
 */
export function atomText(children: XNode[], attrs: Attrs | undefined, ctx: DocContext, base: string | undefined): TextValue | undefined {
  if (attr(attrs, 'src') !== undefined && children.length === 0) return undefined;
  const type = (attr(attrs, 'type') ?? '').trim().toLowerCase();
  const mode = (attr(attrs, 'mode') ?? '').trim().toLowerCase();
  const raw = innerXml(children);
  const isHtml = type === 'html' || type === 'text/html';
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml';
  if (mode === 'base64') {
    const decoded = decodeBase64Utf8(rawToText(raw, ctx.entities));
    if (decoded === undefined) return undefined;
    return isHtml || isXhtml ? { html: true, value: decoded, base } : { html: false, value: decoded };
  }
  if (isHtml) return { html: true, value: rawToHtml(raw, ctx.entities), base };
  if (isXhtml) return { html: true, value: xhtmlToHtml(raw, type === 'xhtml'), base };
  if (mode === 'escaped' && !type.startsWith('text/plain') && type !== 'text') return { html: true, value: rawToHtml(raw, ctx.entities), base };
  // RFC 4287 section 4.1.3.3: any other media type that is neither text nor XML is base64.
  if (mode === '' && type !== '' && type !== 'text' && !type.startsWith('text/') && !/[/+]xml$/.test(type)) {
    const decoded = decodeBase64Utf8(rawToText(raw, ctx.entities));
    return decoded === undefined || decoded.indexOf('\u0000') !== -1 || decoded.indexOf('\ufffd') !== -1 ? undefined : { html: false, value: decoded };
  }
  // Plain text (RFC 4287 section 3.1.1.1): markup inside it is text too, shown as written.
  return { html: false, value: rawToText(raw, ctx.entities, true) };
}

interface Link {
  href: string;
  rel: string;
  type: string;
  length?: string;
}

function readLink(children: XNode[], attrs: Attrs | undefined, ctx: DocContext, base: string | undefined): Link | undefined {
  const rawHref = attr(attrs, 'href');
  // Atom 0.3 in the wild: the URL as the element's content.
  const href = resolveUrl(rawHref !== undefined ? decodeEntities(rawHref) : textOf(children, ctx.entities), baseOf(base, attrs));
  if (href === undefined) return undefined;
  const link: Link = {
    href,
    rel: (attr(attrs, 'rel') ?? 'alternate').trim().toLowerCase() || 'alternate',
    type: (attr(attrs, 'type') ?? '').trim().toLowerCase(),
  };
  const length = attr(attrs, 'length');
  if (length !== undefined) link.length = length;
  return link;
}

/** The alternate link, preferring an HTML one. */
function alternateOf(links: Link[]): string | undefined {
  let first: string | undefined;
  for (const link of links) {
    if (link.rel !== 'alternate' && link.rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    if (link.type === '' || link.type === 'text/html' || link.type === 'application/xhtml+xml') return link.href;
    first ??= link.href;
  }
  return first;
}

function readPerson(node: XNode, scope: Scope, ctx: DocContext): string | undefined {
  let name: string | undefined;
  let email: string | undefined;
  eachElement(node, tagOf(node), scope, ctx.names, (sub, children) => {
    if (sub === 'name') name ??= textOf(children, ctx.entities);
    else if (sub === 'email') email ??= textOf(children, ctx.entities);
  });
  if (name === undefined && email === undefined) {
    // Not a person construct: plain text as an author (`<author>Jane</author>`).
    const text = textOf(childrenOf(node, tagOf(node)), ctx.entities);
    return text || undefined;
  }
  return name || email || undefined;
}

/** Maps an Atom 0.3/1.0 document to the normalized feed (relative links resolved against xml:base). */
export function mapAtom(root: XNode, rootTag: string, rootScope: Scope, ctx: DocContext, version: string, feedUrl: string | undefined): ParsedFeed {
  const rootAttrs = attrsOf(root);
  let base = baseOf(feedUrl, rootAttrs);
  if (base === undefined) {
    // Without a feed URL, the feed's own `rel="self"` link is the next best base.
    eachElement(root, rootTag, rootScope, ctx.names, (name, children, attrs) => {
      if (base === undefined && name === 'link' && attr(attrs, 'rel')?.trim() === 'self') base = readLink(children, attrs, ctx, undefined)?.href;
    });
    ctx.documentBase = base;
  }
  let title: TextValue | undefined;
  let subtitle: TextValue | undefined;
  let updated: string | undefined;
  let published: string | undefined;
  const links: Link[] = [];
  const feedAuthors: string[] = [];
  const drafts: ItemDraft[] = [];

  eachElement(root, rootTag, rootScope, ctx.names, (name, children, attrs, scope, child) => {
    switch (name) {
      case 'entry':
        drafts.push(readEntry(child, scope, baseOf(base, attrs), ctx));
        break;
      case 'title':
        title ??= atomText(children, attrs, ctx, base);
        break;
      case 'subtitle':
      case 'tagline':
        if (ctx.details) subtitle ??= atomText(children, attrs, ctx, base);
        break;
      case 'link': {
        const link = readLink(children, attrs, ctx, base);
        if (link) links.push(link);
        break;
      }
      case 'updated':
      case 'modified':
        updated = parseDate(textOf(children, ctx.entities)) ?? updated;
        break;
      case 'published':
      case 'issued':
        published = parseDate(textOf(children, ctx.entities)) ?? published;
        break;
      case 'author':
        addUnique(feedAuthors, readPerson(child, scope, ctx));
        break;
    }
  });

  // Entries without an author inherit the feed's (RFC 4287 section 4.2.1).
  for (const draft of drafts) if (draft.authors.length === 0) draft.authors.push(...feedAuthors);

  const feed: { -readonly [K in keyof ParsedFeed]: ParsedFeed[K] } = {
    format: 'atom',
    version,
    title: plainText(title),
    items: finalizeItems(drafts, ctx.details),
  };
  const siteUrl = alternateOf(links);
  if (siteUrl !== undefined) feed.siteUrl = siteUrl;
  const description = ctx.details ? plainText(subtitle) : '';
  if (description !== '') feed.description = description;
  if ((updated ?? published) !== undefined) feed.updated = updated ?? published;
  if (published !== undefined) feed.published = published;
  return feed;
}

function readEntry(node: XNode, scope: Scope, base: string | undefined, ctx: DocContext): ItemDraft {
  const reader = new EntryReader(base, ctx);
  eachElement(node, tagOf(node), scope, ctx.names, reader);
  return reader.finish();
}

/** The state of one Atom entry while its elements are read (a class: no closures per entry). */
class EntryReader implements Visitor {
  readonly draft = newDraft();
  readonly links: Link[] = [];
  published: string | undefined;
  issued: string | undefined;
  created: string | undefined;
  dcDate: string | undefined;
  mediaDescription: TextValue | undefined;

  constructor(
    readonly base: string | undefined,
    readonly ctx: DocContext,
  ) {}

  visit(name: string, children: XNode[], attrs: Attrs | undefined, childScope: Scope, child: XNode): void {
    const { ctx, draft, base } = this;
    switch (name) {
      case 'id':
        draft.id ??= resolveId(textOf(children, ctx.entities), baseOf(base, attrs));
        break;
      case 'title':
        draft.title ??= atomText(children, attrs, ctx, baseOf(base, attrs));
        break;
      case 'link': {
        const link = readLink(children, attrs, ctx, base);
        if (!link) break;
        if (link.rel === 'enclosure') addEnclosure(draft.enclosures, link.href, link.type, link.length);
        else this.links.push(link);
        break;
      }
      case 'published':
        this.published = parseDate(textOf(children, ctx.entities)) ?? this.published;
        break;
      case 'issued':
        this.issued = parseDate(textOf(children, ctx.entities)) ?? this.issued;
        break;
      case 'created':
        this.created = parseDate(textOf(children, ctx.entities)) ?? this.created;
        break;
      case 'updated':
      case 'modified':
        draft.updated = parseDate(textOf(children, ctx.entities)) ?? draft.updated;
        break;
      case 'author':
        addUnique(draft.authors, readPerson(child, childScope, ctx));
        break;
      case 'dc:creator':
        addUnique(draft.authors, textOf(children, ctx.entities));
        break;
      case 'summary':
        draft.summary ??= atomText(children, attrs, ctx, baseOf(base, attrs));
        break;
      case 'content':
        draft.content ??= atomText(children, attrs, ctx, baseOf(base, attrs));
        break;
      case 'category': {
        const term = attr(attrs, 'term') ?? attr(attrs, 'label');
        addUnique(draft.categories, term !== undefined ? decodeEntities(term) : textOf(children, ctx.entities));
        break;
      }
      case 'dc:subject':
      case 'media:category':
        addUnique(draft.categories, textOf(children, ctx.entities));
        break;
      case 'dc:date':
        this.dcDate = parseDate(textOf(children, ctx.entities)) ?? this.dcDate;
        break;
      case 'media:group':
        eachElement(child, tagOf(child), childScope, ctx.names, this);
        break;
      case 'media:description':
        this.mediaDescription ??= { html: false, value: rawToText(innerXml(children), ctx.entities) };
        break;
    }
  }

  finish(): ItemDraft {
    const { draft } = this;
    draft.url = alternateOf(this.links);
    draft.published = this.published ?? this.issued ?? this.created ?? this.dcDate;
    draft.updated ??= this.dcDate;
    if (!draft.summary && !draft.content && this.mediaDescription) draft.summary = this.mediaDescription;
    return draft;
  }
}
