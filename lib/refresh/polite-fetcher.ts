import pLimit, { type LimitFunction } from 'p-limit';
import type { FeedFetcher } from './types';

/** Concurrency limits of a refresh's network requests. */
export interface FetchLimits {
  global: number;
  perHost: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Wraps a fetcher so at most `global` requests run at once and at most `perHost` to one host.
 * Only the request holds a slot: parsing and the library write happen outside, so a slow write
 * never idles the network.
 */
export function politeFetcher(fetch: FeedFetcher, limits: FetchLimits): FeedFetcher {
  const global = pLimit(limits.global);
  const hosts = new Map<string, LimitFunction>();
  const perHost = (host: string): LimitFunction => {
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(limits.perHost)));
    return limit;
  };
  // The host slot is taken first so a request waiting for its host never holds one of the global slots.
  return (url, validators) => perHost(hostOf(url))(() => global(() => fetch(url, validators)));
}
