/**
 * Real feeds nobody on this project wrote, read from ../shared (skipped when it is absent): the
 * seed feed must parse exactly, and every file of the perf corpus must parse or throw a FeedError,
 * quickly, never crash or hang.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/shared-corpus';
import { FeedError, parseFeed } from './parse';

const SEED_ITEMS: [title: string, slug: string, published: string, categories: string[]][] = [
  ['FastAPI Dependency Injection: Real-World Architecture & Scoped State (2026)', 'fastapi-dependency-injection-real-world-architecture-scoped-state-2026-28jf', '2026-05-11T14:25:46Z', ['python', 'dependency', 'architecture']],
  ['FastAPI WebSockets: Async Connections, Scaling, The Multi-Worker Nightmare (2026)', 'fastapi-websockets-async-connections-scaling-the-multi-worker-nightmare-2026-3346', '2026-05-10T14:20:24Z', ['fastapi', 'websockets', 'asyncio']],
  ['The Offset Massacre — Why Cursor Pagination is Mandatory (2026)', 'the-offset-massacre-why-cursor-pagination-is-mandatory-2026-p4i', '2026-05-09T14:57:05Z', ['sql', 'offset', 'cursors']],
  ['Database Connection Pooling — Why Your Serverless APIs Kill Postgres (2026)', 'database-connection-pooling-why-your-serverless-apis-kill-postgres-2026-511', '2026-05-08T08:13:13Z', ['python', 'postgres', 'architecture']],
  ['Elasticsearch & Inverted Indices — The Death of SQL ILIKE (2026)', 'elasticsearch-inverted-indices-the-death-of-sql-ilike-2026-49ia', '2026-05-07T14:20:30Z', ['elasticsearch', 'sql', 'python']],
  ['API Middlewares — The Bouncer at the Door (FastAPI & ASGI) (2026)', 'api-middlewares-the-bouncer-at-the-door-fastapi-asgi-2026-2oof', '2026-05-06T15:34:28Z', ['middleware', 'asgi', 'fastapi']],
  ['Python Background Tasks — Asyncio Traps, FastAPI & Celery (2026)', 'python-background-tasks-asyncio-traps-fastapi-celery-2026-381i', '2026-05-05T15:20:48Z', ['asyncio', 'fastapi', 'python']],
  ['Pydantic & Data Validation — Border Control for Python APIs (2026)', 'pydantic-data-validation-border-control-for-python-apis-2026-49p1', '2026-05-04T15:32:15Z', ['python', 'validation', 'architecture']],
  ['Backend Serialization — JSON, Pickle Opcodes & The Universal Type Fallacy (2026)', 'backend-serialization-json-pickle-opcodes-the-universal-type-fallacy-2026-21o4', '2026-05-03T14:32:25Z', ['serialization', 'deserialization', 'endianness']],
  ['Backend Routing Architecture — HTTP Methods, Path vs Query Params (2026)', 'backend-routing-architecture-http-methods-path-vs-query-params-2026-40la', '2026-05-02T13:51:44Z', ['python', 'architecture', 'routing']],
  ['DNS Deep Dive — Python Resolution, Networking & Architecture (2026)', 'dns-deep-dive-python-resolution-networking-architecture-2026-a0m', '2026-05-01T14:49:16Z', ['python', 'architecture', 'dns']],
  ['High-Performance Caching — Redis, CDNs, DNS & The Cache-Aside Pattern (2026)', 'high-performance-caching-redis-cdns-dns-the-cache-aside-pattern-2026-jkb', '2026-04-30T14:12:49Z', ['redis', 'cdn', 'architecture']],
];

describe.skipIf(!hasShared)('seed feed 003 (Forem)', () => {
  it('parses into its 12 items with titles, links, dates and categories', () => {
    const feed = parseFeed(new Uint8Array(readFileSync(sharedPath('seeds/003_82225260394a5eef.txt'))), { url: 'https://forem.com/feed/kaushikcoderpy', details: true });
    expect(feed).toMatchObject({ format: 'rss', version: '2.0', title: 'Forem: Kaushikcoderpy', siteUrl: 'https://forem.com/kaushikcoderpy' });
    expect(feed.items).toHaveLength(12);
    feed.items.forEach((item, i) => {
      const [title, slug, published, categories] = SEED_ITEMS[i]!;
      const url = `https://forem.com/kaushikcoderpy/${slug}`;
      expect(item).toMatchObject({ title, url, id: url, published, categories, authors: ['Kaushikcoderpy'] });
      expect(item.contentHtml).toMatch(/^<h[123]>/);
      expect(item.summary!.length).toBeGreaterThan(100);
      expect(item.summary!.length).toBeLessThanOrEqual(500);
      expect(item.summary).not.toMatch(/<|&[a-z]+;/);
    });
  });
});

interface ManifestEntry {
  file: string;
  format: string;
  items: number;
  wellFormedXml: boolean | null;
}

// Items the corpus counts that repeat an earlier item's guid; Partwise keeps the first.
const REPEATED_GUIDS: Record<string, number> = { 'rsparser--scriptingNews.rss': 2, 'rssparser--itunes-missing-image.rss': 1 };

describe.skipIf(!hasShared)('perf-feeds corpus', () => {
  const manifest = hasShared ? (JSON.parse(readFileSync(sharedPath('corpus/perf-feeds/manifest.json'), 'utf8')) as { feeds: ManifestEntry[] }).feeds : [];
  const files = hasShared ? readdirSync(sharedPath('corpus/perf-feeds')).filter((f) => f !== 'manifest.json') : [];

  it('has every file of the manifest', () => {
    expect(files.length).toBe(manifest.length);
  });

  it.each(files)('%s parses or throws a FeedError', (file) => {
    const bytes = new Uint8Array(readFileSync(sharedPath('corpus/perf-feeds', file)));
    const entry = manifest.find((m) => m.file.endsWith(`/${file}`));
    let error: unknown;
    let count: number | undefined;
    try {
      const feed = parseFeed(bytes, { url: 'https://example.com/feed' });
      count = feed.items.length;
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(item.id.length).toBeGreaterThan(0);
        if (item.url !== undefined) expect(item.url).toMatch(/^https?:\/\//);
        if (item.summary !== undefined) expect(item.summary.length).toBeLessThanOrEqual(500);
        if (item.published !== undefined) expect(item.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }
    } catch (err) {
      error = err;
    }
    if (error !== undefined) expect(error).toBeInstanceOf(FeedError);
    // Every file of this corpus is in fact a feed Partwise reads, with the items the manifest counts.
    expect(error).toBeUndefined();
    if (entry) expect(count).toBe(entry.items - (REPEATED_GUIDS[file] ?? 0));
  });
});
