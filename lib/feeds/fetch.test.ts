import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RouteRule } from '../../test/fixtures/server';
import { fetchFeed, parseFreshness, parseRetryAfter, type FetchResult } from './fetch';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
const RSS = { 'Content-Type': 'application/rss+xml; charset=utf-8' };

describe('fetchFeed against the fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  beforeEach(() => server.reset());
  afterAll(async () => server.close());

  it.each<[string, RouteRule, Partial<FetchResult>]>([
    ['200 with validators and freshness', { body: FEED, headers: { ...RSS, ETag: '"abc"', 'Last-Modified': 'Sun, 01 Nov 2026 10:00:00 GMT', 'Cache-Control': 'public, max-age=900' } }, { kind: 'modified', etag: '"abc"', lastModified: 'Sun, 01 Nov 2026 10:00:00 GMT', maxAgeSeconds: 900, contentType: 'application/rss+xml; charset=utf-8', redirected: false }],
    ['410 Gone', { status: 410 }, { kind: 'gone' }],
    ['404', { status: 404, body: 'nope' }, { kind: 'failed', reason: 'http', status: 404 }],
    ['500', { status: 500 }, { kind: 'failed', reason: 'http', status: 500 }],
    ['429 with Retry-After seconds', { status: 429, headers: { 'Retry-After': '120' } }, { kind: 'failed', status: 429 }],
    ['gzip', { body: FEED, headers: RSS, gzip: true }, { kind: 'modified' }],
  ])('%s', async (_name, rule, expected) => {
    server.route('/feed.xml', rule);
    const result = await fetchFeed(server.url('/feed.xml'));
    expect(result).toMatchObject(expected);
    if (result.kind === 'modified') expect(new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it('turns Retry-After into an absolute time', async () => {
    server.route('/feed.xml', { status: 503, headers: { 'Retry-After': '60' } });
    const before = Date.now();
    const result = await fetchFeed(server.url('/feed.xml'));
    expect(result.kind === 'failed' && result.retryAt! - before).toBeGreaterThanOrEqual(59_000);
  });

  it('sends conditional headers and Accept, and reports 304', async () => {
    server.route('/feed.xml', { body: FEED, headers: { ...RSS, ETag: '"v2"' } });
    const result = await fetchFeed(server.url('/feed.xml'), { etag: '"v2"', lastModified: 'Sun, 01 Nov 2026 10:00:00 GMT' });
    expect(result.kind).toBe('not-modified');
    const [request] = server.requests('/feed.xml');
    expect(request!.headers['if-none-match']).toBe('"v2"');
    expect(request!.headers['if-modified-since']).toBe('Sun, 01 Nov 2026 10:00:00 GMT');
    expect(String(request!.headers.accept)).toMatch(/application\/rss\+xml/);
  });

  it.each<[string, (301 | 302 | 307 | 308)[], boolean]>([
    ['one 301', [301], true],
    ['one 308', [308], true],
    ['one 302', [302], false],
    ['301 then 307', [301, 307], false],
  ])('follows redirects and tells permanent from temporary: %s', async (_name, statuses, permanent) => {
    statuses.forEach((status, i) => server.route(`/hop${i}`, { redirect: { to: i + 1 < statuses.length ? `/hop${i + 1}` : '/final.xml', status } }));
    server.route('/final.xml', { body: FEED, headers: RSS });
    const result = await fetchFeed(server.url('/hop0'));
    expect(result).toMatchObject({ kind: 'modified', finalUrl: server.url('/final.xml'), redirected: true, permanentRedirect: permanent });
  });

  it('detects a redirect loop', async () => {
    server.route('/a', { redirect: { to: '/b', status: 301 } });
    server.route('/b', { redirect: { to: '/a', status: 301 } });
    expect(await fetchFeed(server.url('/a'))).toMatchObject({ kind: 'failed', reason: 'redirect-loop' });
  });

  it('times out a server that does not answer', async () => {
    server.route('/slow.xml', { body: FEED, delayMs: 2000 });
    expect(await fetchFeed(server.url('/slow.xml'), { timeoutMs: 200 })).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('times out a body that trickles in too slowly', async () => {
    server.route('/trickle.xml', { body: FEED.repeat(20), trickle: { chunkBytes: 16, intervalMs: 50 } });
    expect(await fetchFeed(server.url('/trickle.xml'), { timeoutMs: 300 })).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it.each<[string, RouteRule]>([
    ['a declared length', { body: 'x'.repeat(5000) }],
    ['a streamed body with no length', { body: 'x'.repeat(5000), trickle: { chunkBytes: 1000, intervalMs: 1 } }],
  ])('stops reading past the size limit with %s', async (_name, rule) => {
    server.route('/big.xml', rule);
    expect(await fetchFeed(server.url('/big.xml'), { maxBytes: 1000 })).toMatchObject({ kind: 'failed', reason: 'too-large' });
  });

  it.each(['ftp://example.com/feed', 'javascript:alert(1)', 'not a url'])('refuses %s', async (url) => {
    expect(await fetchFeed(url)).toMatchObject({ kind: 'failed', reason: 'invalid-url' });
  });

  it('reports an unreachable host as a network failure', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/feed.xml');
    await closed.close();
    expect(await fetchFeed(url)).toMatchObject({ kind: 'failed', reason: 'network' });
  });
});

describe('header parsing', () => {
  const now = Date.UTC(2026, 10, 1);
  it.each<[string | null, number | undefined]>([
    ['120', now + 120_000],
    ['Sun, 01 Nov 2026 01:00:00 GMT', now + 3_600_000],
    ['Sat, 31 Oct 2026 00:00:00 GMT', now],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each<[Record<string, string>, { maxAgeSeconds?: number; expiresAt?: number }]>([
    [{ 'Cache-Control': 'max-age=600' }, { maxAgeSeconds: 600 }],
    [{ 'Cache-Control': 'public, s-maxage=60, max-age=300' }, { maxAgeSeconds: 300 }],
    [{ 'Cache-Control': 'no-cache, max-age=600' }, {}],
    [{ Expires: 'Sun, 01 Nov 2026 02:00:00 GMT' }, { expiresAt: now + 7_200_000 }],
    [{}, {}],
  ])('freshness of %j', (headers, expected) => {
    expect(parseFreshness(new Headers(headers))).toEqual(expected);
  });
});
