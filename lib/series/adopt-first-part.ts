/**
 * A series whose first part was titled differently ("Modern Python FastAPI #1" before "Modern Python in
 * Practice #2…#6"): the run missing its #1 adopts a lone #1 whose title shares the run's leading words
 * and which was published before the run's #2, never one published after the run's later parts.
 */
import type { SeriesAssignment, SeriesInput } from './assign';
import type { PartMarker } from './part-marker';
import { looseWords } from './series-key';

// Leading words a lone #1 and a run must share: "Modern Python" is enough, "Modern" alone is not.
const MIN_SHARED_WORDS = 2;

interface Run {
  key: string;
  name: string;
  words: string[];
  /** Publication time of the run's #2 and of its earliest part. */
  secondAt: number;
  earliestAt: number;
  adopted: boolean;
}

function timeOf(post: SeriesInput | undefined): number {
  return post?.published === undefined ? NaN : Date.parse(post.published);
}

function sharedLeading(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// Runs with a #2 and no #1, whose parts are all dated.
function runsMissingFirst(posts: readonly SeriesInput[], assigned: readonly SeriesAssignment[]): Run[] {
  const byKey = new Map<string, { name: string; parts: Set<number>; secondAt: number; earliestAt: number }>();
  assigned.forEach((a, i) => {
    if (!a.series) return;
    let run = byKey.get(a.series.key);
    if (!run) byKey.set(a.series.key, (run = { name: a.series.name, parts: new Set(), secondAt: NaN, earliestAt: Infinity }));
    const at = timeOf(posts[i]);
    if (a.part !== null) run.parts.add(a.part);
    if (a.part === 2) run.secondAt = at;
    run.earliestAt = Math.min(run.earliestAt, Number.isNaN(at) ? -Infinity : at);
  });
  const runs: Run[] = [];
  for (const [key, run] of byKey) {
    if (run.parts.has(1) || !run.parts.has(2) || Number.isNaN(run.secondAt) || run.earliestAt === -Infinity) continue;
    runs.push({ key, name: run.name, words: looseWords(run.name), secondAt: run.secondAt, earliestAt: run.earliestAt, adopted: false });
  }
  return runs;
}

/** Gives each run missing its #1 the lone #1 that began it (see the file comment); pure, returns new assignments. */
export function adoptFirstParts(posts: readonly SeriesInput[], assigned: readonly SeriesAssignment[], markers: readonly (PartMarker | null)[]): SeriesAssignment[] {
  const runs = runsMissingFirst(posts, assigned);
  if (runs.length === 0) return [...assigned];
  // Runs by their first words, so each lone #1 only looks at runs it could join.
  const byLead = new Map<string, Run[]>();
  for (const run of runs) {
    if (run.words.length < MIN_SHARED_WORDS) continue;
    const lead = run.words.slice(0, MIN_SHARED_WORDS).join(' ');
    byLead.set(lead, [...(byLead.get(lead) ?? []), run]);
  }
  const out = [...assigned];
  assigned.forEach((a, i) => {
    const marker = markers[i];
    const at = timeOf(posts[i]);
    if (a.series || marker?.part !== 1 || Number.isNaN(at)) return;
    const words = looseWords(marker.stem);
    let best: { run: Run; shared: number } | undefined;
    for (const run of byLead.get(words.slice(0, MIN_SHARED_WORDS).join(' ')) ?? []) {
      const shared = sharedLeading(words, run.words);
      // Published before the run's #2 and every later part, so it began this run and not a later one.
      if (run.adopted || shared < MIN_SHARED_WORDS || at >= run.secondAt || at >= run.earliestAt) continue;
      if (!best || shared > best.shared || (shared === best.shared && run.secondAt < best.run.secondAt)) best = { run, shared };
    }
    if (!best) return;
    best.run.adopted = true;
    out[i] = { id: a.id, series: { key: best.run.key, name: best.run.name }, part: 1 };
  });
  return out;
}
