/** Series detection for one feed: which posts form a series, its name and each post's part number. */

import { adoptFirstParts } from './adopt-first-part';
import { isSeriesCategory, postEvidence, type EvidenceSource, type PostEvidence, type Vote } from './evidence';
import { seriesKey } from './series-key';

/** A post as the series engine sees it. */
export interface SeriesInput {
  id: string;
  title: string;
  url?: string;
  /** The normalized article URL, for matching the author's declarations. */
  normalizedUrl?: string;
  categories?: string[];
  /** ISO 8601 publication date. */
  published?: string;
}

/** The engine's verdict for one post: its series (null when none) and part number (null when unnumbered). */
export interface SeriesAssignment {
  id: string;
  series: { key: string; name: string } | null;
  part: number | null;
}

interface Member { index: number; vote: Vote }
interface Candidate { source: EvidenceSource; key: string; members: Member[] }

// Order of trust: an author's series category, episode codes, title stems, URL slugs, text after a leading
// marker, and last bare "Part N:" numbering.
const SOURCES: readonly EvidenceSource[] = ['category', 'code', 'title', 'url', 'prefix', 'kind'];

/** Assigns every post of one feed to a series (or none) with its part number; pure, deterministic, O(n). */
export function assignSeries(posts: SeriesInput[]): SeriesAssignment[] {
  const evidence = posts.map((p) => postEvidence(p.title, p.url));
  addCategoryVotes(posts, evidence);
  const chosen = chooseVotes(candidatesBySource(evidence), evidence.map((e) => e.title?.strength === 'strong'), posts);
  const names = seriesNames(posts, chosen);
  const assigned = posts.map((p, i): SeriesAssignment => {
    const vote = chosen[i];
    if (vote === undefined) return { id: p.id, series: null, part: null };
    return { id: p.id, series: { key: vote.key, name: names.get(vote.key) ?? vote.name }, part: vote.part };
  });
  return adoptFirstParts(posts, assigned, evidence.map((e) => e.title));
}

// A category votes when it names a series ("Rust Async Series") or repeats a marked title stem and is used
// mostly on those marked posts (a broad tag like "Python" that merely equals a stem must not swallow the feed).
function addCategoryVotes(posts: SeriesInput[], evidence: PostEvidence[]): void {
  const marked = new Map<string, number>();
  const spelling = new Map<string, string>();
  for (const e of evidence) {
    if (e.titleKey === '') continue;
    marked.set(e.titleKey, (marked.get(e.titleKey) ?? 0) + 1);
    if (e.title && !spelling.has(e.titleKey)) spelling.set(e.titleKey, e.title.stem);
  }
  const unmarkedUses = new Map<string, number>();
  posts.forEach((p, i) => {
    if (!p.categories || evidence[i]?.titleKey) return;
    for (const c of p.categories) {
      const key = seriesKey(c);
      if (marked.has(key)) unmarkedUses.set(key, (unmarkedUses.get(key) ?? 0) + 1);
    }
  });
  posts.forEach((p, i) => {
    const e = evidence[i];
    if (!e || !p.categories) return;
    for (const category of p.categories) {
      const key = seriesKey(category);
      const stemTag = (unmarkedUses.get(key) ?? 0) <= (marked.get(key) ?? -1);
      if (key === '' || !(isSeriesCategory(category) || stemTag)) continue;
      const part = e.title?.part ?? e.url?.part ?? null;
      // A tag like "cms-briefing" is shown as the titles spell it ("CMS Briefing").
      const name = stemTag ? (spelling.get(key) ?? category.trim()) : category.trim();
      e.votes.unshift({ source: 'category', key, name, part, strength: 'none', trailing: false });
      return;
    }
  });
}

function candidatesBySource(evidence: PostEvidence[]): Map<EvidenceSource, Candidate[]> {
  const maps = new Map<EvidenceSource, Map<string, Candidate>>();
  evidence.forEach((e, index) => {
    for (const vote of e.votes) {
      let bySource = maps.get(vote.source);
      if (!bySource) maps.set(vote.source, (bySource = new Map()));
      let c = bySource.get(vote.key);
      if (!c) bySource.set(vote.key, (c = { source: vote.source, key: vote.key, members: [] }));
      c.members.push({ index, vote });
    }
  });
  const out = new Map<EvidenceSource, Candidate[]>();
  for (const [source, m] of maps) {
    // Larger groups first, then by key, so the result does not depend on feed order.
    out.set(source, [...m.values()].sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }
  return out;
}

// Greedy by trust: a post joins the first valid group of two or more; lone strong markers ("Part 1") come last.
function chooseVotes(candidates: Map<EvidenceSource, Candidate[]>, strongTitle: readonly boolean[], posts: readonly SeriesInput[]): (Vote | undefined)[] {
  const n = strongTitle.length;
  const chosen: (Vote | undefined)[] = new Array<Vote | undefined>(n);
  for (const source of SOURCES) {
    for (const c of candidates.get(source) ?? []) {
      const free = c.members.filter((m) => chosen[m.index] === undefined);
      if (free.length >= 2 && isValidGroup(source, free, posts)) for (const m of free) chosen[m.index] = m.vote;
    }
  }
  for (const source of ['category', 'title', 'url', 'prefix'] as const) {
    for (const c of candidates.get(source) ?? []) {
      const free = c.members.filter((m) => chosen[m.index] === undefined);
      // A lone slug marker counts only when the title carries an explicit one too ("Part 1: Setup" at …/rust-wasm-part1).
      if (free.length === 1 && isValidGroup(source, free, posts) && (source !== 'url' || strongTitle[free[0]?.index ?? -1] === true)) {
        for (const m of free) chosen[m.index] = m.vote;
      }
    }
  }
  return chosen;
}

// Whether the given members are enough evidence for a series from this source.
function isValidGroup(source: EvidenceSource, members: readonly Member[], posts: readonly SeriesInput[]): boolean {
  const parts = new Set<number>();
  let strong = false;
  let trailing = false;
  for (const m of members) {
    if (m.vote.part !== null) parts.add(m.vote.part);
    strong ||= m.vote.strength === 'strong';
    trailing ||= m.vote.trailing;
  }
  switch (source) {
    case 'category':
      return members.length >= 2 || parts.size > 0;
    case 'kind':
      // Two "Part 1:" posts mean two interleaved series we cannot tell apart; parts of one series come out in order.
      return members.length >= 2 && parts.size === members.length && isPublishedInOrder(members, posts);
    case 'code':
      return parts.size >= 2;
    case 'prefix':
      // The same number twice after "Part N:" means the text is a subtitle shared by different series.
      if (parts.size < members.length) return false;
      return strong || parts.size >= 2;
    case 'title':
    case 'url':
      if (strong) return true;
      if (trailing) return parts.size >= 3 && isDense(parts);
      return parts.size >= 2;
  }
}

function publishedAt(post: SeriesInput | undefined): number {
  return post?.published === undefined ? NaN : Date.parse(post.published);
}

// True when parts grow with publication date (undated members are ignored).
function isPublishedInOrder(members: readonly Member[], posts: readonly SeriesInput[]): boolean {
  const dated = members
    .map((m) => ({ part: m.vote.part ?? 0, at: publishedAt(posts[m.index]) }))
    .filter((m) => !Number.isNaN(m.at))
    .sort((a, b) => a.at - b.at);
  for (let i = 1; i < dated.length; i++) if ((dated[i]?.part ?? 0) <= (dated[i - 1]?.part ?? 0)) return false;
  return true;
}

// A bare trailing number ("Typo 4") counts only as a run ("Links 2, 3, 4"), not as scattered versions.
function isDense(parts: ReadonlySet<number>): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  return max - min + 1 <= 2 * parts.size;
}

// Displayed name: the spelling the author uses most; ties go to the most recent post.
function seriesNames(posts: SeriesInput[], chosen: (Vote | undefined)[]): Map<string, string> {
  const counts = new Map<string, Map<string, { count: number; latest: string }>>();
  chosen.forEach((vote, i) => {
    const name = vote?.name.trim();
    if (!vote || !name) return;
    let byName = counts.get(vote.key);
    if (!byName) counts.set(vote.key, (byName = new Map()));
    const published = posts[i]?.published ?? '';
    const entry = byName.get(name);
    if (entry) {
      entry.count++;
      if (published > entry.latest) entry.latest = published;
    } else byName.set(name, { count: 1, latest: published });
  });
  const names = new Map<string, string>();
  for (const [key, byName] of counts) {
    let best: [string, { count: number; latest: string }] | undefined;
    for (const e of byName) {
      if (!best || e[1].count > best[1].count || (e[1].count === best[1].count && (e[1].latest > best[1].latest || (e[1].latest === best[1].latest && e[0] < best[0])))) best = e;
    }
    if (best) names.set(key, best[0]);
  }
  for (const vote of chosen) if (vote && !names.has(vote.key)) names.set(vote.key, vote.key.replace(/^code-/, '').toUpperCase());
  return names;
}
