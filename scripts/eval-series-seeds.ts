/**
 * The seed cases of `npm run eval:series`: seed 000 (an author's index page in Markdown, series under
 * headings) read as a code host renders it and applied to its posts, and seed 001 (a renamed first part).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readSeriesOutline } from '../lib/pages/read-series-outline';
import { applyDeclaredSeries } from '../lib/series/apply-declared';
import { assignSeries, type SeriesInput } from '../lib/series/assign';
import { outlineDeclarations } from '../lib/series/declarations';
import { sharedPath } from '../test/shared-corpus';

const LINK = /^\s*(?:(\d+)\.|[-*])\s+\[([^\]]+)\]\(([^)]+)\)/;

function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Markdown of the seed as a code host renders it: headings, `<ol>`/`<ul>` of `<li><p><a>`, loose `<p><a>`. */
function renderMarkdown(markdown: string): string {
  const out: string[] = [];
  let list: 'ol' | 'ul' | undefined;
  const close = () => {
    if (list) out.push(`</${list}>`);
    list = undefined;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = LINK.exec(line);
    const loose = /^\[([^\]]+)\]\(([^)]+)\)\s*$/.exec(line.trim());
    if (heading) {
      close();
      out.push(`<h${heading[1]!.length}>${escapeHtml(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (item) {
      const kind = item[1] ? 'ol' : 'ul';
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li><p><a href="${escapeHtml(item[3]!)}">${escapeHtml(item[2]!)}</a></p></li>`);
    } else if (loose) {
      close();
      out.push(`<p><a href="${escapeHtml(loose[2]!)}">${escapeHtml(loose[1]!)}</a></p>`);
    } else if (line.trim() !== '' && !line.startsWith('  ')) close();
  }
  close();
  return `<article class="markdown-body">${out.join('\n')}</article>`;
}

/** The seed's posts as their feed would carry them: plain punctuation, dated by their file names. */
function seedPosts(markdown: string): SeriesInput[] {
  const posts: SeriesInput[] = [];
  for (const line of markdown.split('\n')) {
    const item = LINK.exec(line) ?? /^\[([^\]]+)\]\(([^)]+)\)/.exec(line.trim());
    if (!item) continue;
    const [title, url] = item.length === 4 ? [item[2]!, item[3]!] : [item[1]!, item[2]!];
    const date = /(\d{4}-\d{2}-\d{2})_/.exec(url)?.[1];
    if (!date) continue;
    posts.push({ id: String(posts.length), title: title.replace(/[‘’]/g, "'").replace(/[–—]/g, '-'), published: `${date}T09:00:00Z` });
  }
  return posts;
}

function seed000(): void {
  const markdown = readFileSync(sharedPath('seeds', '000_841c48047d1fc8f6.txt'), 'utf8');
  const pageUrl = 'https://code.example/dev-writer';
  const outline = readSeriesOutline(renderMarkdown(markdown), pageUrl);
  const posts = seedPosts(markdown);
  const titleOnly = assignSeries(posts);
  const declared = applyDeclaredSeries(titleOnly, posts, outlineDeclarations(outline, pageUrl));
  const listed = outline.reduce((n, s) => n + s.entries.length, 0);
  const placed = declared.filter((a) => a.series !== null).length;
  let inOrder = 0;
  for (const series of outline) {
    const members = declared.map((a, i) => ({ a, i })).filter(({ a }) => a.series?.name === series.name).sort((x, y) => (x.a.part ?? 0) - (y.a.part ?? 0));
    const ordered = members.map(({ i }) => posts[i]!.title.toLowerCase());
    const expected = series.entries.map((e) => e.title.replace(/[‘’]/g, "'").replace(/[–—]/g, '-').toLowerCase());
    if (JSON.stringify(ordered) === JSON.stringify(expected)) inOrder++;
  }
  console.log(`seed 000 (index page): ${outline.length} series read (${outline.map((s) => `"${s.name}" ${s.entries.length}`).join(', ')})`);
  console.log(`  title-only: ${titleOnly.filter((a) => a.series !== null).length} of ${posts.length} posts in a series; with the page: ${placed} (the page lists ${listed}); ${inOrder} of ${outline.length} series in the author's order`);
}

function seed001(): void {
  const text = readFileSync(sharedPath('seeds', '001_a1133c85f478321f.txt'), 'utf8');
  const titles = [...new Set(text.split('\n').map((l) => l.trim()).filter((l) => /^Modern Python .*#\d/.test(l)))];
  // The listing is newest first.
  const posts: SeriesInput[] = titles.map((title, i) => ({ id: String(i), title, published: new Date(Date.UTC(2025, 0, 30 - i)).toISOString() }));
  const out = assignSeries(posts);
  const first = out[titles.findIndex((t) => t.startsWith('Modern Python FastAPI #1'))];
  const advanced = out.filter((a) => a.series?.name === 'Modern Python Advanced').length;
  console.log(`seed 001 (renamed first part): "Modern Python FastAPI #1" → ${first?.series ? `"${first.series.name}" part ${first.part}` : 'no series'}; "Modern Python Advanced" keeps ${advanced} parts`);
}

/** Prints the seed cases (skipped without ../shared/seeds). */
export function evalSeeds(): void {
  if (!existsSync(sharedPath('seeds', '000_841c48047d1fc8f6.txt'))) {
    console.log('seed cases: ../shared/seeds is absent; skipped.');
    return;
  }
  console.log('\nSeed cases');
  seed000();
  seed001();
}
