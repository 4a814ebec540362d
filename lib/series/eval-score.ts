/**
 * Pairwise scoring of series detection against author labels (used by `npm run eval:series` and the corpus test).
 *
 * Precision counts the pairs the engine puts in one series: correct when both posts carry the same label,
 * "unverifiable" when every unlabelled post of the pair is a known suspect (its title carries a sequence marker
 * but the author left it unlabelled), wrong otherwise. Marker recall counts labelled same-series pairs whose
 * titles both carry a generic part marker (GENERIC_MARKER below, independent of the engine's parser).
 */

const NUMBER = String.raw`(?:\d+|[ivx]+\b|one|two|three|four|five|six|seven|eight|nine|ten)`;
const WORD_OR_SIGN_MARKER = new RegExp(
  String.raw`\b(?:part|pt|episode|ep|chapter|lesson|step|day|week|vol|volume)\.?\s*#?\s*${NUMBER}|#\s?\d+|[([]\s*\d+\s*/\s*\d+\s*[)\]]|\b\d+\s+of\s+\d+\b`,
  'i',
);
const LEADING_MARKER = /^\s*[A-Z]{0,4}\d{1,3}\s*[-\u2013\u2014:.]\s/;

/** A post with its author's series label. */
export interface LabelledPost {
  title: string;
  series: string | null;
  /** Unlabelled but listed as carrying a sequence marker (the label is probably missing). */
  suspect: boolean;
}

/** Pair counts of one blog (or pooled). */
export interface PairScore {
  grouped: number;
  correct: number;
  unverifiable: number;
  markerPairs: number;
  found: number;
  wordPairs: number;
  wordFound: number;
}

/** True when a title carries a Part/Episode/Chapter/…/#N/(N/M)/N of M marker. */
export function hasWordMarker(title: string): boolean {
  return WORD_OR_SIGN_MARKER.test(title);
}

/** True when a title carries any generic part marker, including a leading number or code ("29 - …", "V012 - …"). */
export function hasGenericMarker(title: string): boolean {
  return WORD_OR_SIGN_MARKER.test(title) || LEADING_MARKER.test(title);
}

/** An all-zero score. */
export function emptyScore(): PairScore {
  return { grouped: 0, correct: 0, unverifiable: 0, markerPairs: 0, found: 0, wordPairs: 0, wordFound: 0 };
}

/** Scores the series keys the engine gave (`keys[i]` for `posts[i]`, null = none) against the labels; O(n²). */
export function scorePairs(posts: readonly LabelledPost[], keys: readonly (string | null)[]): PairScore {
  const s = emptyScore();
  const marker = posts.map((p) => hasGenericMarker(p.title));
  const word = posts.map((p) => hasWordMarker(p.title));
  for (let i = 0; i < posts.length; i++) {
    for (let j = i + 1; j < posts.length; j++) {
      const a = posts[i];
      const b = posts[j];
      if (!a || !b) continue;
      const together = keys[i] != null && keys[i] === keys[j];
      const sameLabel = a.series !== null && a.series === b.series;
      if (together) {
        s.grouped++;
        if (sameLabel) s.correct++;
        else if ((a.series === null || b.series === null) && (a.series !== null || a.suspect) && (b.series !== null || b.suspect)) s.unverifiable++;
      }
      if (sameLabel && marker[i] && marker[j]) {
        s.markerPairs++;
        if (together) s.found++;
        if (word[i] && word[j]) {
          s.wordPairs++;
          if (together) s.wordFound++;
        }
      }
    }
  }
  return s;
}

/** Sum of two scores. */
export function addScores(a: PairScore, b: PairScore): PairScore {
  return {
    grouped: a.grouped + b.grouped,
    correct: a.correct + b.correct,
    unverifiable: a.unverifiable + b.unverifiable,
    markerPairs: a.markerPairs + b.markerPairs,
    found: a.found + b.found,
    wordPairs: a.wordPairs + b.wordPairs,
    wordFound: a.wordFound + b.wordFound,
  };
}

/** Precision over judged pairs (unverifiable excluded); null when the engine grouped nothing judgeable. */
export function precision(s: PairScore): number | null {
  const judged = s.grouped - s.unverifiable;
  return judged === 0 ? null : s.correct / judged;
}
