/** Titles and stems that look numbered but are not series. */

import { looseWords } from './series-key';

// Recurring link/news columns are dated digests, not parts to read in order.
const ROUNDUP = /\b(?:this week in|links? of the (?:week|month|day)|week in review|month in review|(?:weekly|monthly|daily)\b.*\b(?:round ?up|digest|links?|news|recap|review|update|reading|newsletter|bookmark))/;

const ROUNDUP_HINT = /week|month|daily|link/i;

/** True when a stem names a roundup/digest column ("Weekly roundup", "Links of the Week", "This Week in X"). */
export function isRoundupColumn(stem: string): boolean {
  if (!ROUNDUP_HINT.test(stem)) return false;
  return ROUNDUP.test(looseWords(stem).join(' '));
}

/** True for numbers that read as a year rather than a part (1900–2099). */
export function isYear(n: number): boolean {
  return n >= 1900 && n <= 2099;
}

// Words after "#N" that make it a ranking ("#1 mistake"), not a part number.
const RANKING_AFTER = /^\s*(?:mistake|reason|rule|tip|trick|way|thing|priority|choice|pick|spot|place|seed|rank|best|worst|most|killer|cause|problem|issue|fan|hit|bestseller|song|album|book|language|framework|tool)s?\b/i;
// Words before "#N" that make it a reference ("issue #42", "fixes #7") or a ranking ("the #1", "my #2").
const RANKING_BEFORE = /\b(?:the|my|our|your|their|a|is|at|to|number|issue|issues|pr|pull request|bug|ticket|fix|fixes|fixed|closes|closed|resolves|see|ref)\s*$/i;

/** True when a "#N" hash marker reads as a ranking ("the #1 mistake") or a reference ("issue #42") rather than a part. */
export function isRankingHash(before: string, after: string): boolean {
  return RANKING_AFTER.test(after) || RANKING_BEFORE.test(before);
}
