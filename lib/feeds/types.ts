/**
 * The one normalized model every feed format maps into. Plain data only: no methods, no
 * storage handles, safe to structured-clone across extension contexts.
 */

// 'html': a web page's list of posts, read by lib/pages/extract-listing for pages without a feed.
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'html';

export interface Enclosure {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
}

export interface ParsedItem {
  /** guid / atom:id / JSON id when present, else the absolute link, else a stable hash of title and date. */
  readonly id: string;
  /** Plain text. */
  readonly title: string;
  /** Absolute http(s) URL. */
  readonly url?: string;
  /** ISO 8601, UTC. */
  readonly published?: string;
  /** ISO 8601, UTC. */
  readonly updated?: string;
  /** Plain text names. */
  readonly authors: readonly string[];
  /** Plain text, at most 500 characters, cut on a word boundary. */
  readonly summary?: string;
  /** HTML as published (not sanitized), relative URLs in it resolved. Only with `ParseOptions.details`. */
  readonly contentHtml?: string;
  readonly categories: readonly string[];
  /** Only with `ParseOptions.details`. */
  readonly enclosures?: readonly Enclosure[];
  /** The series the item declares (PublishPress `<series:name>`, "part N of M" in its content). */
  readonly series?: ItemSeries;
}

/** A series an item declares: its name and part, when given. */
export interface ItemSeries {
  readonly name?: string;
  readonly part?: number;
  readonly total?: number;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  /** '0.90' | '0.91' | '0.92' | '2.0' (rss), '1.0' (rdf), '0.3' | '1.0' (atom), '1.0' | '1.1' (json). */
  readonly version?: string;
  /** Plain text. */
  readonly title: string;
  /** Absolute http(s) URL of the site the feed belongs to. */
  readonly siteUrl?: string;
  /** Plain text. Only with `ParseOptions.details`. */
  readonly description?: string;
  /** ISO 8601, UTC: when the feed says it last changed. */
  readonly updated?: string;
  /** ISO 8601, UTC: the feed's own publication date (RSS channel pubDate, dcterms:issued), when given. */
  readonly published?: string;
  /** RSS `<ttl>`: minutes the channel may be cached before refreshing. */
  readonly ttlMinutes?: number;
  readonly items: readonly ParsedItem[];
}

export interface ParseOptions {
  /** The feed's own URL: the last base relative URLs are resolved against. */
  url?: string;
  /** The Content-Type header; only its charset is used, and only after the BOM and the XML declaration. */
  contentType?: string;
  /** Largest accepted input in bytes (UTF-16 code units for a string). Default 10 MB. */
  maxBytes?: number;
  /**
   * Also compute what a refresh never reads: items' `contentHtml` and `enclosures`, the feed's
   * `description` (the conformance evaluation compares them). Off by default.
   */
  details?: boolean;
}
