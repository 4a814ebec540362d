/** Per-post series evidence: the title's part marker, the URL slug's marker and series-naming categories. */

import { parsePartMarker, type PartMarker } from './part-marker';
import { looseWords, seriesKey } from './series-key';
import { parseUrlMarker, type UrlMarker } from './url-marker';

/** Where a candidate series came from, in order of trust. */
export type EvidenceSource = 'category' | 'code' | 'title' | 'url' | 'prefix' | 'kind';

/** One post's vote for a series: its key, the name as written, its part number and marker strength. */
export interface Vote {
  source: EvidenceSource;
  key: string;
  name: string;
  part: number | null;
  strength: 'strong' | 'weak' | 'none';
  trailing: boolean;
}

/** Everything the title, URL and categories of one post say about series membership. */
export interface PostEvidence {
  title: PartMarker | null;
  /** Loose key of the title's stem ("" without a marker). */
  titleKey: string;
  url: UrlMarker | null;
  votes: Vote[];
}

// Bare "Part N:" numbering may form one series; "Episode N:" runs are podcast numbering, often split by topic.
const KIND_NAMES: Readonly<Record<string, string>> = { part: 'Parts', chapter: 'Chapters', lesson: 'Lessons' };

/** Collects the votes of one post; category votes are added later (they depend on the whole feed). */
export function postEvidence(title: string, url: string | undefined): PostEvidence {
  const t = parsePartMarker(title);
  const u = url ? parseUrlMarker(url) : null;
  const votes: Vote[] = [];
  if (t?.code) votes.push({ source: 'code', key: `code-${t.code.toLowerCase()}`, name: t.stem, part: t.part, strength: 'weak', trailing: false });
  const titleKey = t ? seriesKey(t.stem) : '';
  if (t && titleKey !== '') {
    // After a leading marker ("Part 1: Setup") the text is as often a subtitle as a name, so slugs outrank it.
    votes.push({ source: t.position === 'prefix' ? 'prefix' : 'title', key: titleKey, name: t.stem, part: t.part, strength: t.code ? 'weak' : t.strength, trailing: t.kind === 'trailing' });
  }
  if (u) {
    const key = seriesKey(u.stem);
    if (key !== '') votes.push({ source: 'url', key, name: sentenceCase(u.stem), part: u.part, strength: u.strength, trailing: u.strength === 'weak' });
  }
  const kindName = t && !t.code && t.position === 'prefix' ? KIND_NAMES[t.kind] : undefined;
  if (t && kindName !== undefined) votes.push({ source: 'kind', key: `${t.kind}-numbered`, name: kindName, part: t.part, strength: 'weak', trailing: false });
  return { title: t, titleKey, url: u, votes };
}

// Words that say "this is a series" without saying which one ("Series", "Blog series", "Multi-part posts").
const GENERIC_WORDS: ReadonlySet<string> = new Set(['serie', 'blog', 'post', 'multi', 'part', 'article', 'the', 'a', 'my', 'our', 'of', 'in']);

/** True when a category names one series by itself ("Rust Series", "series: async"), not just "Series". */
export function isSeriesCategory(category: string): boolean {
  const words = looseWords(category);
  // "Rust Series" or "Series: Rust", not a product such as "Galaxy Watch Series 6".
  const named = words[words.length - 1] === 'serie' || /^\s*series\s*[:\u2013\u2014-]/i.test(category);
  return named && words.some((w) => !GENERIC_WORDS.has(w));
}

function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
