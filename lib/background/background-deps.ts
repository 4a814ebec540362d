import { database } from '../db';
import { decodeBytes } from '../feeds/decode-bytes';
import { discoverFeeds } from '../feeds/discover';
import { fetchFeed } from '../feeds/fetch';
import { parseFeed } from '../feeds/parse';
import type { FeedChoice } from '../messaging/protocol';
import { showNotification } from '../refresh/notify';
import type { SubscribeDeps } from './subscribe';

/** The real network, parser, clock and notifications the background runs with. */
export function backgroundDeps(): SubscribeDeps {
  return {
    db: database(),
    fetch: (url, validators) => fetchFeed(url, validators),
    parse: (body, options) => parseFeed(body, options),
    notify: showNotification,
    now: () => Date.now(),
    random: () => Math.random(),
    discover: async (pageUrl, html): Promise<FeedChoice[]> =>
      (await discoverFeeds(pageUrl, html)).map((feed) => ({ url: feed.url, title: feed.title, type: feed.type })),
    decodeHtml: (body, contentType) => decodeBytes(body, contentType).text,
  };
}
