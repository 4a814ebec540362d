/**
 * Scores `assignSeries` on ../shared/corpus/series-open (11 real blogs with author-labelled series).
 *
 * prec.  Over every pair of posts the engine puts in one series, the share whose author labels agree. Authors leave
 *        some real series unlabelled (the corpus lists those posts in suspect_unlabeled.jsonl), so a pair whose
 *        unlabelled member(s) are all listed there is "unverifiable": excluded from prec. and counted apart. Any
 *        other pair with an unlabelled member counts as wrong. strict = the same with unverifiable pairs as wrong.
 * m.rec  Over labelled same-series pairs where BOTH titles carry a part marker, the share the engine puts in one
 *        series. "Carries a part marker" is a generic regex independent of the engine (lib/series/eval-score.ts):
 *        a number after Part/Pt/Episode/Ep/Chapter/Lesson/Step/Day/Week/Vol (digits, roman or number word), "#N",
 *        "(N/M)", "[N/M]", "N of M", or a leading number or episode code and separator ("29 - Name", "V012 - Name").
 * w.rec  The same without the leading-number notation: authors often split one numbered podcast/episode run into
 *        topic labels that no title evidence can reproduce.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { assignSeries, type SeriesInput } from '../lib/series/assign';
import { addScores, emptyScore, precision, scorePairs, type PairScore } from '../lib/series/eval-score';
import { hasShared, sharedPath } from '../test/shared-corpus';
import { evalSeeds } from './eval-series-seeds';

interface Row { blog: string; title: string; date: string; url: string; series: string | null; part: number | null }
interface Suspect { blog: string; title: string; url: string }
interface BlogScore extends PairScore { posts: number; assigned: number }

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

function suspectKey(r: { blog: string; url: string; title: string }): string {
  return `${r.blog}\n${r.url}\n${r.title}`;
}

function scoreBlog(rows: Row[], suspects: ReadonlySet<string>): BlogScore {
  const inputs: SeriesInput[] = rows.map((r, i) => ({ id: String(i), title: r.title, url: r.url, published: r.date }));
  const keys = assignSeries(inputs).map((a) => a.series?.key ?? null);
  const labelled = rows.map((r) => ({ title: r.title, series: r.series, suspect: suspects.has(suspectKey(r)) }));
  return { ...scorePairs(labelled, keys), posts: rows.length, assigned: keys.filter((k) => k !== null).length };
}

function ratio(n: number | null, d = 1): string {
  return n === null || d === 0 ? '  n/a' : (n / d).toFixed(3);
}

function printRow(name: string, s: BlogScore): void {
  const cols = [
    String(s.posts).padStart(5), String(s.assigned).padStart(5), String(s.grouped).padStart(6), String(s.unverifiable).padStart(6),
    ` ${ratio(precision(s))}`, ` ${ratio(s.correct, s.grouped)}`, String(s.markerPairs).padStart(7), ` ${ratio(s.found, s.markerPairs)}`,
    String(s.wordPairs).padStart(7), ` ${ratio(s.wordFound, s.wordPairs)}`,
  ];
  console.log(`${name.padEnd(38)} ${cols.join(' ')}`);
}

function timing(rows: Row[]): number {
  const posts: SeriesInput[] = Array.from({ length: 10_000 }, (_, i) => {
    const r = rows[i % rows.length] as Row;
    return { id: String(i), title: r.title, url: r.url, published: r.date };
  });
  assignSeries(posts);
  const runs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    assignSeries(posts);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[3] ?? NaN;
}

function main(): void {
  const corpus = sharedPath('corpus', 'series-open', 'corpus.jsonl');
  if (!hasShared || !existsSync(corpus)) {
    console.log('eval:series: ../shared/corpus/series-open is absent; nothing to evaluate.');
    return;
  }
  const rows = readJsonl<Row>(corpus);
  const suspectPath = sharedPath('corpus', 'series-open', 'suspect_unlabeled.jsonl');
  const suspects = new Set(existsSync(suspectPath) ? readJsonl<Suspect>(suspectPath).map(suspectKey) : []);
  const blogs = new Map<string, Row[]>();
  for (const r of rows) blogs.set(r.blog, [...(blogs.get(r.blog) ?? []), r]);
  console.log(`${'blog'.padEnd(38)} posts  in-s  pairs  unver  prec.  strict  mpairs  m.rec  wpairs  w.rec`);
  let pooled: BlogScore = { ...emptyScore(), posts: 0, assigned: 0 };
  for (const [blog, blogRows] of [...blogs].sort((a, b) => a[0].localeCompare(b[0]))) {
    const s = scoreBlog(blogRows, suspects);
    printRow(blog, s);
    pooled = { ...addScores(pooled, s), posts: pooled.posts + s.posts, assigned: pooled.assigned + s.assigned };
  }
  printRow('POOLED', pooled);
  console.log('in-s = posts put in a series; pairs = pairs put together; unver = pairs whose unlabelled posts are all in suspect_unlabeled.jsonl.');
  console.log('prec. excludes unverifiable pairs; strict counts them as wrong. m.rec = recall over labelled pairs whose titles both carry');
  console.log('a generic part marker; w.rec = the same without bare leading numbers/codes ("29 - …") as markers.');
  console.log(`assignSeries on 10,000 posts (corpus titles cycled): median ${timing(rows).toFixed(1)} ms of 7 runs`);
  evalSeeds();
}

main();
