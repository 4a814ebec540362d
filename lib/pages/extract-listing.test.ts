import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardGridPage, cardUrl, PROJECTS, SEED_CARDS } from '@/test/fixtures/pages/card-grid';
import { extractListings, findCandidate, type ListingCandidate, type ListingItem, type ListingWork } from './extract-listing';
import { dateInText } from './date-in-text';
import { isGenericLinkText } from './generic-link-text';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/pages/${name}`, import.meta.url), 'utf8');

const BLOG = 'https://blog.example';
const JANE = 'https://jane.example/';

interface Case {
  name: string;
  html: string;
  url: string;
  kind: ListingCandidate['kind'];
  items: ListingItem[];
}

const CASES: Case[] = [
  {
    name: 'seed 002 card grid: headings, not "Read on the blog ↗"',
    html: cardGridPage({ blog: BLOG }),
    url: JANE,
    kind: 'blocks',
    items: SEED_CARDS.map((card) => ({ title: card.title, url: cardUrl(BLOG, card), summary: card.description })),
  },
  {
    name: 'WordPress home (article.hentry)',
    html: fixture('wordpress-home.html'),
    url: 'https://notes.example/',
    kind: 'microformats',
    items: [
      {
        title: 'Vacuum Without Fear',
        url: 'https://notes.example/2024/03/12/vacuum-without-fear/',
        summary:
          'What autovacuum actually does, why it falls behind on busy tables, and the three settings worth changing first. Published March 12, 2024 Categorized as Databases Tagged postgres',
        published: '2024-03-12T08:30:00Z',
      },
      {
        title: 'Raft Leader Election, by Hand',
        url: 'https://notes.example/2024/02/20/raft-leader-election-by-hand/',
        summary: 'Walking through an election with five nodes on paper, including the split vote that everyone forgets. Published February 20, 2024 Categorized as Distributed systems',
        published: '2024-02-20T17:00:00Z',
      },
      {
        title: 'Indexes You Do Not Need',
        url: 'https://notes.example/2024/01/08/indexes-you-do-not-need/',
        summary: 'A talk recording: finding unused and duplicate indexes, and proving they are safe to drop. Published January 8, 2024',
        published: '2024-01-08T11:00:00Z',
      },
    ],
  },
  {
    name: 'Hugo list page (PaperMod post-entry, empty covering link)',
    html: fixture('hugo-list.html'),
    url: 'https://field.example/posts/',
    kind: 'articles',
    items: [
      {
        title: 'Profiling Go Services in Production',
        url: 'https://field.example/posts/profiling-go-services-in-production/',
        summary: 'Continuous profiling with pprof endpoints, what to sample, and how to read a flame graph without fooling yourself. May 2, 2024 · 7 min · Sam Lee',
        published: '2024-05-02T00:00:00Z',
      },
      {
        title: 'Error Wrapping Patterns That Age Well',
        url: 'https://field.example/posts/error-wrapping-patterns/',
        summary: 'errors.Is, errors.As and sentinel values: a small set of conventions that keeps large codebases debuggable. April 11, 2024 · 5 min · Sam Lee',
        published: '2024-04-11T00:00:00Z',
      },
      {
        title: 'Generics One Year Later',
        url: 'https://field.example/posts/generics-one-year-later/',
        summary: 'Where type parameters paid off in our code, and the places we went back to interfaces. March 15, 2024 · 9 min · Sam Lee',
        published: '2024-03-15T00:00:00Z',
      },
    ],
  },
  {
    name: 'Jekyll minima home (ul.post-list)',
    html: fixture('jekyll-home.html'),
    url: 'https://tiny.example/',
    kind: 'blocks',
    items: [
      {
        title: 'Register Allocation with Linear Scan',
        url: 'https://tiny.example/compilers/2023/06/03/register-allocation-linear-scan.html',
        summary: 'Jun 3, 2023 Live ranges, spilling and why linear scan is good enough for a first backend.',
        published: '2023-06-03T00:00:00Z',
      },
      { title: 'SSA in an Afternoon', url: 'https://tiny.example/compilers/2023/05/14/ssa-in-an-afternoon.html', published: '2023-05-14T00:00:00Z' },
      { title: 'A Lexer by Hand', url: 'https://tiny.example/compilers/2023/04/02/a-lexer-by-hand.html', published: '2023-04-02T00:00:00Z' },
    ],
  },
  {
    name: 'Ghost post-card grid',
    html: fixture('ghost-home.html'),
    url: 'https://platform.example/',
    kind: 'articles',
    items: [
      {
        title: 'Rolling Out Cilium Without Downtime',
        url: 'https://platform.example/rolling-out-cilium-without-downtime/',
        summary: 'Featured How we replaced kube-proxy on forty clusters, one node pool at a time. May 20, 2024 8 min read',
        published: '2024-05-20T00:00:00Z',
      },
      {
        title: 'Our Tracing Budget',
        url: 'https://platform.example/our-tracing-budget/',
        summary: 'Observability Sampling rules that keep the traces we need and drop ninety percent of the rest. Apr 29, 2024 6 min read',
        published: '2024-04-29T00:00:00Z',
      },
      {
        title: 'On-Call Without Burnout',
        url: 'https://platform.example/on-call-without-burnout/',
        summary: 'Rotations, handovers and the alert review that halved our pages. Apr 2, 2024 5 min read',
        published: '2024-04-02T00:00:00Z',
      },
      {
        title: 'Node Upgrades at Scale',
        url: 'https://platform.example/node-upgrades-at-scale/',
        summary: 'Surge settings, disruption budgets and the dashboards we watch during an upgrade. Mar 11, 2024 7 min read',
        published: '2024-03-11T00:00:00Z',
      },
    ],
  },
  {
    name: 'Substack-style archive (title link, no heading)',
    html: fixture('substack-archive.html'),
    url: 'https://queryplan.example/archive',
    kind: 'blocks',
    items: [
      {
        title: 'Why your join is slow',
        url: 'https://queryplan.example/p/why-your-join-is-slow',
        summary: 'Reading EXPLAIN output from the bottom up, one node at a time. Jun 4 • Maya Ruiz',
        published: '2024-06-04T13:01:00Z',
      },
      {
        title: 'Statistics the planner trusts (and the ones it should not)',
        url: 'https://queryplan.example/p/statistics-the-planner-trusts',
        summary: 'Histograms, most-common values and extended statistics, with real estimates. May 21 • Maya Ruiz',
        published: '2024-05-21T13:01:00Z',
      },
      {
        title: 'A tour of join algorithms',
        url: 'https://queryplan.example/p/a-tour-of-join-algorithms',
        summary: 'Nested loops, hash joins and merge joins, and when the planner picks each. May 7 • Maya Ruiz',
        published: '2024-05-07T13:01:00Z',
      },
    ],
  },
  {
    name: 'profile README link list (not its projects, nav or footer)',
    html: fixture('profile-readme.html'),
    url: 'https://github.example/dana-writes',
    kind: 'blocks',
    items: [
      { title: 'Zero-copy parsing in Rust with nom', url: 'https://dev.example/dana/zero-copy-parsing-in-rust-3kd9' },
      { title: 'Building a tiny key-value store from scratch', url: 'https://dev.example/dana/building-a-tiny-key-value-store-1b7c' },
      { title: 'What I learned writing a write-ahead log', url: 'https://dev.example/dana/what-i-learned-writing-a-wal-4f2a' },
      { title: 'Async Rust without tears', url: 'https://dev.example/dana/async-rust-without-tears-9c1e' },
      { title: 'Soldering my own keyboard, badly', url: 'https://dev.example/dana/soldering-my-own-keyboard-2a8d' },
    ],
  },
];

describe('extractListings: listing pages', () => {
  it.each(CASES)('$name', ({ html, url, kind, items }) => {
    const { candidates, scriptShell } = extractListings(html, url);
    expect(scriptShell).toBe(false);
    expect(candidates[0]?.kind).toBe(kind);
    expect(candidates[0]?.items).toEqual(items);
  });

  it('offers the card grid first and the projects grid as the next candidate', () => {
    const { title, candidates } = extractListings(cardGridPage({ blog: BLOG }), JANE);
    expect(title).toBe('Selected Posts · Jane Doe');
    expect(candidates.map((c) => c.items.length)).toEqual([17, 3]);
    expect(candidates[1]!.items.map((item) => item.title)).toEqual(PROJECTS.map((p) => p.name));
    const links = candidates.flatMap((c) => c.items.map((item) => item.url));
    for (const chrome of ['https://jane.example/about/', 'https://jane.example/talks/', 'https://github.com/janedoe', 'https://jane.example/privacy-policy-and-cookies/']) {
      expect(links).not.toContain(chrome);
    }
  });

  it('never lists the WordPress sidebar or archive widgets as a second list of the same posts', () => {
    expect(extractListings(fixture('wordpress-home.html'), 'https://notes.example/').candidates).toHaveLength(1);
  });
});

describe('extractListings: a summary reads as the card shows it', () => {
  const listOf = (card: (i: number) => string): string => `<main><ul>${[1, 2, 3].map((i) => `<li>${card(i)}</li>`).join('')}</ul></main>`;
  it.each([
    ['indentation between tags is one space', (i: number) => `<h3><a href="/posts/p-${i}/">Post number ${i}</a></h3>\n   <p>\n      One\n      two  </p>\n`, 'One two'],
    ['a dropped "Read more" ending in a space still parts the words around it', (i: number) => `<h3><a href="/posts/p-${i}/">Post number ${i}</a></h3><b>Notes</b><a href="/posts/p-${i}/">Read more </a><div>on queues</div>`, 'Notes on queues'],
    ['a heading ending in a space parts nothing it should not', (i: number) => `<span>Tip</span><h3><a href="/posts/p-${i}/">Post number ${i} </a></h3><p>Text</p>`, 'Tip Text'],
    ['a link around the heading is the title link', (i: number) => `<a href="/posts/p-${i}/"><h3>Post number ${i}</h3></a><a href="/tags/rust/">rust</a> <p>Body</p>`, 'rust Body'],
  ])('%s', (_name, card, summary) => {
    const [candidate] = extractListings(listOf(card), JANE).candidates;
    expect(candidate?.items.map((item) => [item.title, item.url, item.summary])).toEqual(
      [1, 2, 3].map((i) => [`Post number ${i}`, `https://jane.example/posts/p-${i}/`, summary]),
    );
  });
});

describe('extractListings: pages that are not listings', () => {
  it.each([
    ['an article page (prose links, table of contents, tags, related posts in an aside)', 'article-page.html', false],
    ['a login page', 'login-page.html', false],
    ['a JavaScript shell', 'script-shell.html', true],
  ])('%s', (_name, file, shell) => {
    const result = extractListings(fixture(file), 'https://site.example/some/page/');
    expect(result.candidates).toEqual([]);
    expect(result.scriptShell).toBe(shell);
  });

  it('keeps only http(s) links and never the page itself', () => {
    const cards = ['javascript:alert(1)', 'mailto:a@b.example', '#top', 'https://jane.example/', 'ftp://x.example/a-b-c'];
    const html = `<main><div>${cards.map((href, i) => `<div class="c"><h3>Card number ${i}</h3><a href="${href}">Read more</a></div>`).join('')}</div></main>`;
    expect(extractListings(html, JANE).candidates).toEqual([]);
  });
});

describe('findCandidate', () => {
  const candidates = extractListings(cardGridPage({ blog: BLOG }), JANE).candidates;
  it.each([
    ['the same key', candidates[1]!.key, 1],
    ['no key: the best', undefined, 0],
    ['the same block shape under a renamed parent', 'div.wrapper>div.card', 0],
    ['a shape the page lost', 'ul.post-list>li', -1],
  ])('%s', (_name, key, index) => {
    expect(findCandidate(candidates, key)).toBe(index < 0 ? undefined : candidates[index]);
  });
});

describe('isGenericLinkText', () => {
  it.each([
    ['Read more', true],
    ['Read on the blog ↗', true],
    ['Continue reading →', true],
    ['', true],
    ['→', true],
    ['Read more about async', false],
    ['Golang Interface', false],
  ])('%s → %s', (text, generic) => expect(isGenericLinkText(text)).toBe(generic));
});

describe('dateInText', () => {
  it.each([
    ['Posted on 2024-01-05 by Sam', '2024-01-05T00:00:00Z'],
    ['Jan. 5, 2024 · 3 min', '2024-01-05T00:00:00Z'],
    ['5 January 2024', '2024-01-05T00:00:00Z'],
    ['September 14, 2023', '2023-09-14T00:00:00Z'],
    ['no date here, only 2024', undefined],
  ])('%s', (text, iso) => expect(dateInText(text)).toBe(iso));
});

describe('extractListings work', () => {
  // Cards beyond the seed's 17, each with its own title and URL, so every one is a post.
  const page = (count: number): string =>
    cardGridPage({
      blog: BLOG,
      cards: Array.from({ length: count }, (_, i) => {
        const seed = SEED_CARDS[i % SEED_CARDS.length]!;
        return { ...seed, title: `${seed.title} (${i + 1})`, slug: `${seed.slug}-${i + 1}` };
      }),
    });
  const workOf = (html: string): { work: ListingWork; posts: number } => {
    const work: ListingWork = { events: 0, nodes: 0 };
    const posts = extractListings(html, JANE, work).candidates[0]?.items.length ?? 0;
    return { work, posts };
  };

  it.each([
    ['parser events', (w: ListingWork) => w.events],
    ['nodes visited', (w: ListingWork) => w.nodes],
    ['all work', (w: ListingWork) => w.events + w.nodes],
  ])('doubling the page doubles the %s', (_name, measure) => {
    const small = workOf(page(200));
    const large = workOf(page(400));
    expect([small.posts, large.posts]).toEqual([200, 400]);
    const ratio = measure(large.work) / measure(small.work);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.1);
  });

  it('counting work changes no result', () => {
    const html = page(40);
    expect(extractListings(html, JANE, { events: 0, nodes: 0 })).toEqual(extractListings(html, JANE));
  });
});
