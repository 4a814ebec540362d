/** One feed found in an OPML file. */
export interface OpmlFeed {
  /** Absolute http(s) URL, as serialised by `URL#href`, without fragment. */
  feedUrl: string;
  /** Plain text (markup removed, whitespace collapsed); absent when the outline had none. */
  title?: string;
  /** Absolute http(s) URL of the site, when given and valid. */
  siteUrl?: string;
  /** Names of the enclosing folder outlines, outermost first. */
  tags: string[];
  /**
   * Set for a page followed without a feed (`type="html"`, `feedUrl` is the page): the key of its
   * list of posts, or '' to let the first refresh pick the best list. Other readers skip these.
   */
  pageListing?: string;
}

/** An entry that was skipped or merged, described for the user. */
export interface OpmlProblem {
  kind: 'duplicate' | 'invalid-url' | 'missing-url';
  /** 1-based line of the outline in the file, when known. */
  line?: number;
  /** A human sentence naming the entry, e.g. `“Foo” (line 12) has no feed address…`. */
  text: string;
}

/** Result of reading an OPML file: the feeds to subscribe to and what was skipped. */
export interface OpmlImport {
  title?: string;
  feeds: OpmlFeed[];
  problems: OpmlProblem[];
}
