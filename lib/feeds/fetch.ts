/**
 * Fetches feed bytes politely. Knows nothing of XML: it returns bytes and HTTP facts, and the
 * parser decides what they mean.
 */

/** Largest body read by default (the parser's limit too). */
export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** A request that takes longer than this fails. */
export const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 10;
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.5, */*;q=0.1';

/** Options of {@link fetchFeed}. */
export interface FetchFeedOptions {
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Freshness the server announced. */
export interface FetchFreshness {
  maxAgeSeconds?: number;
  /** Expires header as epoch ms. */
  expiresAt?: number;
}

/** The body changed (or there were no validators). */
export interface FetchModified extends FetchFreshness {
  kind: 'modified';
  body: Uint8Array;
  contentType?: string;
  finalUrl: string;
  /** The base for the body's relative URLs when it is not `finalUrl`: its `Content-Location`, resolved. */
  baseUrl?: string;
  /** The request was redirected on the way to `finalUrl`. */
  redirected: boolean;
  /**
   * Every redirect on the way was permanent (301/308): true or false when the statuses were
   * visible, undefined where the browser hides them (extension service workers).
   */
  permanentRedirect?: boolean;
  etag?: string;
  lastModified?: string;
}

/** The server answered 304 Not Modified. */
export interface FetchNotModified extends FetchFreshness {
  kind: 'not-modified';
  finalUrl: string;
  redirected: boolean;
  permanentRedirect?: boolean;
}

/** The server answered 410 Gone. */
export interface FetchGone {
  kind: 'gone';
  finalUrl: string;
}

/**
 * What went wrong, with the facts a sentence about it needs. No words here: this module also runs
 * outside the extension, so the background turns a failure into words (fetchFailureMessage).
 */
export type FetchFailure =
  | { reason: 'http'; status: number; statusText?: string }
  | { reason: 'network'; host: string; detail: string }
  | { reason: 'timeout'; timeoutMs: number }
  | { reason: 'too-large'; maxBytes: number }
  | { reason: 'too-many-redirects'; maxRedirects: number }
  | { reason: 'redirect-loop' | 'aborted' | 'invalid-url' };

/** Why a fetch failed. */
export type FetchFailureReason = FetchFailure['reason'];

/** The fetch of `url` failed; `retryAt` is set when the server sent Retry-After. */
export type FetchFailed = { kind: 'failed'; url: string; retryAt?: number } & FetchFailure;

/** What fetching a feed produced. */
export type FetchResult = FetchModified | FetchNotModified | FetchGone | FetchFailed;

/** Parses Retry-After (seconds or an HTTP date) into an absolute time. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(now, date);
}

/** Reads Cache-Control max-age (no-store/no-cache give none) and Expires. */
export function parseFreshness(headers: Headers): FetchFreshness {
  const freshness: FetchFreshness = {};
  const cacheControl = headers.get('cache-control') ?? '';
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  if (maxAge && !/no-store|no-cache/i.test(cacheControl)) freshness.maxAgeSeconds = Number(maxAge[1]);
  const expires = Date.parse(headers.get('expires') ?? '');
  if (!Number.isNaN(expires)) freshness.expiresAt = expires;
  return freshness;
}

function failure(url: string, facts: FetchFailure): FetchFailed {
  return { kind: 'failed', url, ...facts };
}

function httpFailure(response: Response, url: string): FetchFailed {
  const status = response.status;
  const result = failure(url, { reason: 'http', status, ...(response.statusText ? { statusText: response.statusText } : {}) });
  const retryAt = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined;
  if (retryAt !== undefined) result.retryAt = retryAt;
  return result;
}

/** Reads a body as a stream, stopping as soon as it passes `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A `Content-Location` header resolved against the URL fetched; the URL itself when absent or not http(s). */
export function contentLocation(header: string | null, url: string): string {
  if (!header?.trim()) return url;
  try {
    const resolved = new URL(header.trim(), url);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : url;
  } catch {
    return url;
  }
}

function requestHeaders(options: FetchFeedOptions): Headers {
  const headers = new Headers({ Accept: ACCEPT });
  if (options.etag) headers.set('If-None-Match', options.etag);
  if (options.lastModified) headers.set('If-Modified-Since', options.lastModified);
  return headers;
}

interface Hop {
  response: Response;
  url: string;
  redirected: boolean;
  permanent: boolean | undefined;
}

/**
 * Follows redirects hop by hop so it can tell permanent from temporary ones and detect loops.
 * Where `redirect: 'manual'` hides the Location (extension service workers give an opaque
 * redirect), it lets the browser follow and reports the final URL with permanence unknown.
 */
async function follow(url: string, init: RequestInit): Promise<Hop | FetchFailed> {
  const seen = new Set<string>();
  let current = url;
  let permanent = true;
  let hops = 0;
  for (;;) {
    seen.add(current);
    const response = await fetch(current, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      const followed = await fetch(current, { ...init, redirect: 'follow' });
      return { response: followed, url: followed.url || current, redirected: true, permanent: undefined };
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
      return { response, url: current, redirected: hops > 0, permanent: hops > 0 ? permanent : false };
    }
    await response.body?.cancel();
    const next = new URL(location, current).href;
    if (seen.has(next)) return failure(url, { reason: 'redirect-loop' });
    hops += 1;
    if (hops > MAX_REDIRECTS) return failure(url, { reason: 'too-many-redirects', maxRedirects: MAX_REDIRECTS });
    permanent &&= response.status === 301 || response.status === 308;
    current = next;
  }
}

/** Fetches a feed with conditional GET, a timeout, a size limit and careful redirect handling. */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchResult> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return failure(url, { reason: 'invalid-url' });
  } catch {
    return failure(url, { reason: 'invalid-url' });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Partwise keeps its own validators, so the HTTP cache would only hold a second copy of every feed.
    const init: RequestInit = { headers: requestHeaders(options), signal: controller.signal, credentials: 'omit', cache: 'no-store' };
    const hop = await follow(url, init);
    if ('kind' in hop) return hop;
    const { response } = hop;
    const where = { finalUrl: hop.url, redirected: hop.redirected, ...(hop.permanent === undefined ? {} : { permanentRedirect: hop.permanent }) };
    if (response.status === 304) return { kind: 'not-modified', ...where, ...parseFreshness(response.headers) };
    if (response.status === 410) return { kind: 'gone', finalUrl: hop.url };
    if (!response.ok) {
      await response.body?.cancel();
      return httpFailure(response, url);
    }
    const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
    const body = await readBody(response, maxBytes);
    if (!body) return failure(url, { reason: 'too-large', maxBytes });
    const result: FetchModified = { kind: 'modified', body, ...where, ...parseFreshness(response.headers) };
    const baseUrl = contentLocation(response.headers.get('content-location'), hop.url);
    if (baseUrl !== hop.url) result.baseUrl = baseUrl;
    const contentType = response.headers.get('content-type');
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (contentType) result.contentType = contentType;
    if (etag) result.etag = etag;
    if (lastModified) result.lastModified = lastModified;
    return result;
  } catch (error) {
    if (controller.signal.aborted) return failure(url, timedOut ? { reason: 'timeout', timeoutMs } : { reason: 'aborted' });
    return failure(url, { reason: 'network', host: new URL(url).host, detail: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
