import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanSeriesName, readSeriesOutline } from './read-series-outline';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../test/fixtures/series-pages', name), 'utf8');

interface Expected {
  name: string;
  ordered: boolean;
  titles: string[];
}

const ASGI = [
  'Do You Really Know About FastAPI and ASGI?',
  'From Passive FastAPI Developer to Real FastAPI Engineer – Part 1: ASGI',
  'From Passive FastAPI Developer to Real FastAPI Engineer – Part 2: Your First Raw ASGI App',
  'From Passive FastAPI Developer to Real FastAPI Engineer – Part 3: Middleware and Background Tasks',
  'From Passive FastAPI Developer to Real FastAPI Engineer – Part 4: Lifespan, Startup, Shutdown, and State',
];
const MEMORY = [
  'Understanding Python Memory and Garbage Collection Through Hands-On Experiments',
  'The Three Generations in Python’s Garbage Collector',
  'Memory Allocation in Python: Understanding Arenas, Pools, and Blocks',
];

describe('readSeriesOutline', () => {
  it.each<[string, string, string, Expected[]]>([
    ['a code host rendering an index README (seed 000)', 'code-host-index.html', 'https://code.example.com/dev-writer', [
      { name: 'Dives into ASGI', ordered: true, titles: ASGI },
      { name: 'Memory Topics', ordered: true, titles: MEMORY },
      { name: 'Quick Dives into FastAPI', ordered: true, titles: expect.arrayContaining(['Unleash the Power of FastAPI: Async vs Blocking I/O']) as unknown as string[] },
      { name: 'Enhance Your Code Delivery Skills as a Software Engineer', ordered: true, titles: expect.arrayContaining(['Raising the Difference Between Raise and Raise e']) as unknown as string[] },
    ]],
    ['a WordPress series taxonomy page', 'wordpress-series.html', 'https://ferris.example.org/series/rust-async/', [
      { name: 'Rust Async', ordered: false, titles: ['Pinning, explained without tears', 'Writing a tiny executor', 'What is a future, really?'] },
    ]],
    ['a Hugo series term page', 'hugo-series.html', 'https://ops.example.com/series/kubernetes-from-scratch/', [
      { name: 'Kubernetes From Scratch', ordered: false, titles: ['Networking between pods', 'Standing up etcd', 'Why build a cluster by hand?'] },
    ]],
    ['a Hashnode series page', 'hashnode-series.html', 'https://querynotes.example.dev/series/graphql-basics', [
      { name: 'GraphQL Basics', ordered: false, titles: ['Designing your first schema', 'Resolvers and the N+1 problem', 'Mutations that do not surprise'] },
    ]],
    ['a dev.to series page (in series order)', 'devto-series.html', 'https://dev.example.to/rustacean/series/12345', [
      { name: 'Understanding Rust', ordered: true, titles: ['Ownership in five minutes', 'Borrowing without fear', 'Lifetimes, at last'] },
    ]],
    ['a bulleted list under a heading that says "series"', 'series-in-bullets.html', 'https://iac.example.com/start-here', [
      { name: 'Terraform Modules', ordered: true, titles: ['Why modules?', 'Inputs and outputs', 'Publishing to a registry'] },
    ]],
    ['a blog home: "Recent posts", "Popular", "Most read", a table of contents', 'blog-home.html', 'https://bytes.example.com/', []],
  ])('%s', (_name, file, url, expected) => {
    const outline = readSeriesOutline(fixture(file), url);
    expect(outline.map((s) => ({ name: s.name, ordered: s.ordered, titles: s.entries.map((e) => e.title) }))).toEqual(expected);
  });

  it('resolves links against the page and keeps them absolute', () => {
    const [asgi] = readSeriesOutline(fixture('code-host-index.html'), 'https://code.example.com/dev-writer');
    expect(asgi?.entries[0]?.url).toBe('https://code.example.com/dev-writer/dev-writer/blob/main/old-blogs/2025-01-27_Do-You-Really-Know.md');
  });

  it.each([
    ['<h2>Popular</h2><ol><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ol>', 0],
    ['<h2>Docker basics</h2><ol><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ol>', 1],
    ['<h2>Docker basics</h2><ol><li><a href="/a">A</a></li></ol>', 0],
    ['<h2>Docker basics</h2><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>', 0],
    ['<h2>Docker series</h2><p><a href="/a">A</a></p><p><a href="/b">B</a></p>', 1],
    ['<h2>Docker basics</h2><p><a href="/a">A</a></p><p><a href="/b">B</a></p>', 0],
    ['<ol><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ol>', 0],
    ['<h2>Docker basics</h2><ol><li><a href="javascript:x()">A</a></li><li><a href="#b">B</a></li></ol>', 0],
  ])('%s → %i series', (html, count) => {
    expect(readSeriesOutline(html, 'https://blog.example.com/start')).toHaveLength(count);
  });

  it.each([
    ["Dives into ASGI Series' Articles", 'Dives into ASGI'],
    ['Quick Dives into FastAPI Series’ Articles', 'Quick Dives into FastAPI'],
    ['Memory Topics', 'Memory Topics'],
    ['Series: Rust Async', 'Rust Async'],
    ['The Terraform Modules series', 'Terraform Modules'],
    ['Series', 'Series'],
  ])('cleans "%s" to "%s"', (heading, name) => {
    expect(cleanSeriesName(heading)).toBe(name);
  });

  it('reads a series nested deep in layout markup', () => {
    const html = '<div>'.repeat(200) + '<h2>Deep series</h2><ol><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ol>';
    expect(readSeriesOutline(html, 'https://blog.example.com/')).toHaveLength(1);
  });
});
