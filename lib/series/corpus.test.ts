import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/shared-corpus';
import { assignSeries } from './assign';
import { addScores, emptyScore, precision, scorePairs } from './eval-score';

interface Row { blog: string; title: string; date: string; url: string; series: string | null }

const corpusPath = sharedPath('corpus', 'series-open', 'corpus.jsonl');
const available = hasShared && existsSync(corpusPath);

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

// Regression guard for the open evaluation corpus; the full report is `npm run eval:series`.
describe.skipIf(!available)('series-open corpus', () => {
  it.each([[0.97, 0.9]])('pooled precision ≥ %d and word-marker recall ≥ %d', (minPrecision, minRecall) => {
    const rows = readJsonl<Row>(corpusPath);
    const suspects = new Set(readJsonl<Row>(sharedPath('corpus', 'series-open', 'suspect_unlabeled.jsonl')).map((r) => `${r.blog}\n${r.url}\n${r.title}`));
    const blogs = new Map<string, Row[]>();
    for (const r of rows) blogs.set(r.blog, [...(blogs.get(r.blog) ?? []), r]);
    let pooled = emptyScore();
    for (const blogRows of blogs.values()) {
      const keys = assignSeries(blogRows.map((r, i) => ({ id: String(i), title: r.title, url: r.url, published: r.date }))).map((a) => a.series?.key ?? null);
      const labelled = blogRows.map((r) => ({ title: r.title, series: r.series, suspect: suspects.has(`${r.blog}\n${r.url}\n${r.title}`) }));
      pooled = addScores(pooled, scorePairs(labelled, keys));
    }
    expect(precision(pooled)).toBeGreaterThanOrEqual(minPrecision);
    expect(pooled.wordFound / pooled.wordPairs).toBeGreaterThanOrEqual(minRecall);
  });
});
