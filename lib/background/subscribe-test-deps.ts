import type { PartwiseDatabase } from '../db';
import type { FetchResult } from '../feeds/fetch';
import { findFeedLinks } from '../feeds/discover';
import { parseFeed } from '../feeds/parse';
import type { SubscribeDeps } from './subscribe';

/** Subscribe dependencies for tests: a fixed web of answers (404 elsewhere), the real parser and discovery, a fixed clock. */
export function subscribeTestDeps(db: PartwiseDatabase, web: Readonly<Record<string, FetchResult>>): SubscribeDeps {
  return {
    db,
    fetch: async (url) => web[url] ?? { kind: 'failed', url, reason: 'http', status: 404 },
    parse: (body, options) => parseFeed(body, options),
    notify: async () => undefined,
    now: () => Date.UTC(2026, 10, 1),
    random: () => 0,
    discover: async (pageUrl, html) => findFeedLinks(pageUrl, html).map((feed) => ({ url: feed.url, title: feed.title, type: feed.type })),
    decodeHtml: (body) => new TextDecoder().decode(body),
  };
}
