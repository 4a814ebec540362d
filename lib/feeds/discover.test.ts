import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared-corpus';
import { startFixtureServer, type FixtureServer } from '../../test/fixtures/server';
import type { HtmlWork } from '../pages/parse-html';
import { discoverFeeds, findFeedLinks, looksLikeFeed, type DiscoveredFeed } from './discover';

const PAGE = 'https://blog.example.com/posts/hello/';
const noProbe = async () => false;
const fixture = (name: string) => readFileSync(resolve(repoRoot, 'test/fixtures/feeds', name), 'utf8');

describe('findFeedLinks', () => {
  it.each<[string, string, Partial<DiscoveredFeed>[]]>([
    [
      'alternate links of every feed type',
      `<head><link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml">
        <link rel="alternate" type="application/atom+xml" href="https://blog.example.com/atom.xml" />
        <link rel='alternate' type='application/feed+json' href='feed.json'>
        <link rel="stylesheet" href="/style.css"><link rel="alternate" hreflang="de" href="/de/"></head>`,
      [
        { url: 'https://blog.example.com/feed.xml', type: 'rss', source: 'link', title: 'Posts' },
        { url: 'https://blog.example.com/atom.xml', type: 'atom', source: 'link' },
        { url: 'https://blog.example.com/posts/hello/feed.json', type: 'json', source: 'link' },
      ],
    ],
    [
      'relative to <base>',
      '<base href="https://cdn.example.net/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml">',
      [{ url: 'https://cdn.example.net/site/rss.xml', type: 'rss' }],
    ],
    [
      'attributes in any order and case, entities decoded',
      '<LINK HREF="/feed?format=rss&amp;lang=en" TYPE="application/rss+xml; charset=utf-8" REL="Alternate">',
      [{ url: 'https://blog.example.com/feed?format=rss&lang=en', type: 'rss' }],
    ],
    [
      'anchors that clearly point at feeds',
      '<a href="/feed.xml">RSS</a> <a href="/feedback">Feedback</a> <a href="/tags/rss-readers/">a tag</a> <a href="/atom.xml">Atom</a>',
      [
        { url: 'https://blog.example.com/feed.xml', source: 'anchor' },
        { url: 'https://blog.example.com/atom.xml', type: 'atom', source: 'anchor' },
      ],
    ],
    ['no feed at all', '<p>Just <a href="/about">a page</a>.</p>', []],
    ['unsafe schemes are ignored', '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">', []],
  ])('%s', (_name, html, expected) => {
    const found = findFeedLinks(PAGE, html);
    expect(found).toHaveLength(expected.length);
    expected.forEach((feed, i) => expect(found[i]).toMatchObject(feed));
  });
});

describe('findFeedLinks: lookalikes', () => {
  const alternate = (type: string, href: string) => `<link rel="alternate" type="${type}" href="${href}">`;
  it.each<[string, string, Partial<DiscoveredFeed>[]]>([
    ['a WordPress REST resource is not a feed', alternate('application/json', '/wp-json/wp/v2/posts/42'), []],
    ['nor is one named by rest_route', alternate('application/json', '/?rest_route=/wp/v2/pages/7'), []],
    ['a JSON Feed served as application/json is', alternate('application/json', '/feed.json'), [{ url: 'https://blog.example.com/feed.json', type: 'json' }]],
    ['a pipe command is not an address', alternate('application/rss+xml', '|some-command --fetch'), []],
    ['nor is a template', alternate('application/atom+xml', '{{ feed_url }}'), []],
    ['application/rss is a feed', alternate('application/rss', '/index.rss'), [{ url: 'https://blog.example.com/index.rss', type: 'rss' }]],
    ['application/atom is a feed', alternate('application/atom', '/index.atom'), [{ url: 'https://blog.example.com/index.atom', type: 'atom' }]],
    ['text/xml is a feed', alternate('text/xml', '/rss.php'), [{ url: 'https://blog.example.com/rss.php', type: 'rss', source: 'link' }]],
    ['an oEmbed alternate is not', alternate('application/json+oembed', '/wp-json/oembed/1.0/embed?url=x'), []],
    ['an anchor into the REST API is not', '<a href="/wp-json/wp/v2/feed/">api</a>', []],
  ])('%s', (_name, html, expected) => {
    const found = findFeedLinks(PAGE, html);
    expect(found).toHaveLength(expected.length);
    expected.forEach((feed, i) => expect(found[i]).toMatchObject(feed));
  });
});

describe('findFeedLinks: linear on hostile pages', () => {
  const feedLink = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">';
  // Work (parser events and elements visited) at n and 2n repetitions: doubling the input at most
  // doubles the work, plus a constant.
  it.each<[string, (n: number) => string, number]>([
    ['unclosed <a ', (n) => feedLink + '<a '.repeat(n), 50_000],
    ['unclosed <link', (n) => feedLink + '<link'.repeat(n), 25_000],
    ['deep nesting', (n) => feedLink + '<div><span>'.repeat(n), 20_000],
    ['unclosed quotes', (n) => feedLink + '<a href="x'.repeat(n), 20_000],
  ])('%s: work grows linearly', (_name, page, n) => {
    const small: HtmlWork = { events: 0 };
    const large: HtmlWork = { events: 0 };
    expect(findFeedLinks(PAGE, page(n), small)[0]?.url).toBe('https://blog.example.com/feed.xml');
    findFeedLinks(PAGE, page(2 * n), large);
    expect(large.events).toBeLessThanOrEqual(2 * small.events + 16);
    expect(large.events).toBeLessThanOrEqual(page(2 * n).length);
  });
});

describe('looksLikeFeed', () => {
  it.each([
    ['RSS with a DOCTYPE', fixture('variants/rss-091.xml'), true],
    ['RDF', fixture('variants/rdf-10.rdf'), true],
    ['Atom', fixture('modern-python.atom'), true],
    ['JSON Feed', fixture('daily-backend.json'), true],
    ['an HTML page', fixture('variants/not-a-feed.html'), false],
    ['other JSON', fixture('variants/not-a-feed.json'), false],
  ])('%s → %s', (_name, text, expected) => expect(looksLikeFeed(text)).toBe(expected));
});

describe('discoverFeeds', () => {
  it('says so when the URL is itself a feed', async () => {
    expect(await discoverFeeds('https://x.example/feed', fixture('asgi-series.xml'), { probe: noProbe })).toEqual([{ url: 'https://x.example/feed', type: 'rss', source: 'self' }]);
    expect(await discoverFeeds('https://x.example/feed.json', fixture('daily-backend.json'), { probe: noProbe })).toEqual([{ url: 'https://x.example/feed.json', type: 'json', source: 'self' }]);
  });

  it('prefers the feeds a page announces and probes nothing then', async () => {
    let probes = 0;
    const found = await discoverFeeds(PAGE, '<link rel="alternate" type="application/atom+xml" href="/atom.xml"><a href="/rss.xml">rss</a>', {
      probe: async () => (probes++, true),
    });
    expect(found).toEqual([{ url: 'https://blog.example.com/atom.xml', type: 'atom', source: 'link' }]);
    expect(probes).toBe(0);
  });

  it('probes the well-known paths of a page without feed links', async () => {
    const probed: string[] = [];
    const found = await discoverFeeds(PAGE, '<html><body>nothing here</body></html>', {
      probe: async (url) => (probed.push(url), url.endsWith('/index.xml')),
    });
    expect(probed).toEqual(['/feed', '/feed.xml', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'].map((p) => `https://blog.example.com${p}`));
    expect(found).toEqual([{ url: 'https://blog.example.com/index.xml', type: 'unknown', source: 'well-known' }]);
  });

  it('finds nothing when nothing answers', async () => {
    expect(await discoverFeeds(PAGE, '<p>no feeds</p>', { probe: noProbe })).toEqual([]);
  });

  describe('with the default probe, against the fixture server', () => {
    let server: FixtureServer;
    beforeAll(async () => {
      server = await startFixtureServer();
    });
    afterAll(async () => server.close());

    it('finds a well-known feed by fetching it, and skips pages that only claim to be one', async () => {
      server.route('/rss', { status: 200, body: '<!doctype html><title>Not a feed</title>', headers: { 'Content-Type': 'application/rss+xml' } });
      server.route('/feed.xml', { status: 404 });
      server.route('/index.xml', { body: fixture('asgi-series.xml'), headers: { 'Content-Type': 'text/plain' } });
      const found = await discoverFeeds(server.url('/blog/'), '<html><body>no links</body></html>');
      expect(found).toEqual([{ url: server.url('/index.xml'), type: 'unknown', source: 'well-known' }]);
    });
  });
});
