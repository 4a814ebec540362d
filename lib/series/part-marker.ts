/** Parsing one title into series stem, part number and subtitle. */

import { parseNumberToken } from './number-words';
import { isRankingHash, isRoundupColumn, isYear } from './negatives';
import { looseWords } from './series-key';

/** Which notation carried the part number. */
export type MarkerKind =
  | 'part' | 'episode' | 'chapter' | 'lesson' | 'of' | 'fraction'
  | 'step' | 'day' | 'week' | 'volume' | 'module' | 'hash' | 'leading' | 'trailing';

/** A title's part marker: the series stem as written, the part number and what follows. */
export interface PartMarker {
  kind: MarkerKind;
  /** strong markers ("Part 3", "3 of 5") stand alone; weak ones ("#3", "Day 3", "29 - ") need a group. */
  strength: 'strong' | 'weak';
  part: number;
  total: number | null;
  /** Series name as the author wrote it, without marker or subtitle ("" when the title has none). */
  stem: string;
  subtitle: string;
  /** 'prefix' when the marker comes before the name ("Part 2: Name"). */
  position: 'prefix' | 'suffix';
  /** Letters of a leading episode code ("V" of "V012 - …"), null without one. */
  code: string | null;
}

const KIND_OF_WORD: Readonly<Record<string, MarkerKind>> = {
  part: 'part', pt: 'part', episode: 'episode', ep: 'episode', chapter: 'chapter', lesson: 'lesson',
  step: 'step', day: 'day', week: 'week', vol: 'volume', volume: 'volume', module: 'module',
};
const STRONG: ReadonlySet<MarkerKind> = new Set<MarkerKind>(['part', 'episode', 'chapter', 'lesson', 'of', 'fraction']);
// Roman numerals and number words follow only words that really number things ("Part III", "Episode Seven"),
// not "Day One at KubeCon" or "Step I".
const WORDY_OK: ReadonlySet<MarkerKind> = new Set<MarkerKind>(['part', 'episode', 'chapter', 'lesson', 'volume']);
// A bare trailing number is a part only after a noun that names an instalment ("Notes 3", "Walkthrough 12"),
// not after a product or a phrase ("PostgreSQL 16", "Go Turns 10").
const INSTALMENT_NOUN = /(?:^|\s)(?:notes?|log|devlog|diary|journal|walkthrough|write-?up|update|report|letter|challenge|puzzle|kata|session|lecture|tutorial|exercise|level|round|stage|sprint|iteration|retro|retrospective|edition|thoughts|musings|ramblings|snippets|problem|solution|project|quiz|homework|assignment|lab|post|entry|chronicles?|adventures?|experiments?)$/i;

// The number token is checked in code (digits, roman numeral or number word): one big alternation is slow.
const WORD_MARKER = /(?:^|[\s,([:\u2013\u2014-])(part|pt|episode|ep|chapter|lesson|step|day|week|vol|volume|module)\.?\s*#?\s*(\d{1,3}(?![.,]?\d)|[a-z]+)(?![\w'\u2019])/gi;
const TOTAL = /\s*(?:of|\/)\s*(\d{1,3}|[a-z]+)(?![\w'\u2019])/iy;
const MARKER_WORD = /\b(?:part|pt|episode|ep|chapter|lesson|step|day|week|vol|volume|module)(?![a-z])/i;
const MAYBE_MARKER = /\d|\b(?:part|pt|episode|ep|chapter|lesson|step|day|week|vol|volume|module)\b/i;
const HAS_WORD = /[\p{L}\p{N}]/u;
const MESSY_SPACE = /\s\s|[\t\n\r\u00a0]/;
const N_OF_M_HINT = / of /i;
const FRACTION = /[([]\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*[)\]]/g;
const N_OF_M = /(?:^|[\s,([\u2013\u2014-])(\d{1,2})\s+of\s+(\d{1,2})\b/gi;
const HASH = /(?<![\w#])#\s?(\d{1,3})(?![\d.,]\d|\w)/g;
const LEADING_CODE = /^([A-Z]{1,4})(\d{1,4})(?:\s*\/\s*[A-Z]{1,4}\d{1,4})?\s*(?:[-\u2013\u2014:|]|\.(?!\d))\s+(\S.*)$/;
// "29 - Name", "7. Name", and episode numbers such as "#598: Name" or "e.95: Name".
const LEADING_NUMBER = /^(?:#\s?|e\.\s?)?(\d{1,4})(?:\s*[-\u2013\u2014:|)]|\.(?!\d))\s+(\S.*)$/;
const TRAILING_NUMBER = /^(.*[\p{L}\p{N}')!?\]]\S*)\s+(\d{1,3})$/u;
const YEAR_SUFFIX = /\s*[([]\s*(?:19|20)\d\d\s*[)\]]\s*$/;
const TRIM_END = /[\s,.:;|~\u2013\u2014(["'\u2018\u2019\u201c\u201d\u00ab\u00bb-]+$/;
const OPEN_QUOTE = /^["'\u2018\u2019\u201c\u201d\u00ab\u00bb]+/;
const ANY_QUOTE = /["\u2018\u2019\u201c\u201d\u00ab\u00bb]/;
const TRIM_START = /^[\s,:;|~\u2013\u2014)\].-]+/;
const HEAD_SEPARATOR = /\s+[-\u2013\u2014|~]\s+|:\s+/;

interface Hit { kind: MarkerKind; part: number; total: number | null; start: number; end: number }

/** Parses a title's part marker; null when the title carries none (or only a negative such as a year or a ranking). */
export function parsePartMarker(title: string): PartMarker | null {
  // Every marker needs a digit or a marker word; most titles have neither, so skip the costly regexes.
  if (!MAYBE_MARKER.test(title)) return null;
  const spaced = MESSY_SPACE.test(title) ? title.replace(/\s+/g, ' ') : title;
  const clean = spaced.trim().replace(YEAR_SUFFIX, '');
  if (clean.length !== spaced.trim().length && !MAYBE_MARKER.test(clean)) return null;
  const coded = LEADING_CODE.exec(clean);
  if (coded?.[1] !== undefined && coded[2] !== undefined && coded[3] !== undefined && !isDateCode(coded[1], coded[2])) {
    const part = Number.parseInt(coded[2], 10);
    const inner = parseUncoded(coded[3]);
    const marker = inner ?? headStem(coded[3], 'leading', part, null);
    return marker && { ...marker, strength: 'weak', part, code: coded[1] };
  }
  return parseUncoded(clean);
}

// "Q3 - Results", "H1 - Review", "ES2017 - …" name quarters, halves and years, not episodes.
function isDateCode(letters: string, digits: string): boolean {
  return ((letters === 'Q' || letters === 'H') && digits.length === 1) || isYear(Number.parseInt(digits, 10));
}

function parseUncoded(text: string): PartMarker | null {
  const lead = LEADING_NUMBER.exec(text);
  if (lead?.[1] !== undefined && lead[2] !== undefined) {
    // An episode number before a numbered part ("#598: Name, Part Two") leaves the part to the inner marker.
    const inner = firstHit(lead[2]);
    if (inner) return fromHit(lead[2], inner);
    const part = Number.parseInt(lead[1], 10);
    return isYear(part) ? null : headStem(lead[2], 'leading', part, null);
  }
  const hit = firstHit(text);
  if (hit) return fromHit(text, hit);
  const last = text.charCodeAt(text.length - 1);
  const trail = last >= 48 && last <= 57 ? TRAILING_NUMBER.exec(text) : null;
  if (trail?.[1] !== undefined && trail[2] !== undefined) {
    const part = Number.parseInt(trail[2], 10);
    if (looseWords(trail[1]).length < 2 || !INSTALMENT_NOUN.test(trail[1]) || isRoundupColumn(trail[1])) return null;
    return build('trailing', part, null, trail[1], '', 'suffix');
  }
  return null;
}

function firstHit(text: string): Hit | null {
  let best: Hit | null = null;
  if (MARKER_WORD.test(text)) for (const m of text.matchAll(WORD_MARKER)) best = earlier(best, wordHit(text, m));
  if (text.includes('/')) for (const m of text.matchAll(FRACTION)) best = earlier(best, ratioHit(m, 'fraction'));
  if (N_OF_M_HINT.test(text)) for (const m of text.matchAll(N_OF_M)) best = earlier(best, ratioHit(m, 'of'));
  if (best || !text.includes('#')) return best;
  for (const m of text.matchAll(HASH)) {
    const h = hashHit(text, m);
    if (h) return h;
  }
  return null;
}

function earlier(a: Hit | null, b: Hit | null): Hit | null {
  return b && (a === null || b.start < a.start) ? b : a;
}

function wordHit(text: string, m: RegExpMatchArray): Hit | null {
  const word = m[1] ?? '';
  const kind = KIND_OF_WORD[word.toLowerCase()];
  const token = m[2] ?? '';
  if (kind === undefined || m.index === undefined) return null;
  if (!/^\d/.test(token) && !WORDY_OK.has(kind)) return null;
  // "Toolbox Day #10": a number sign after a weak word makes the word part of the name.
  if (!STRONG.has(kind) && m[0].includes('#')) return null;
  const part = parseNumberToken(token);
  if (part === null || isYear(part)) return null;
  let end = m.index + m[0].length;
  TOTAL.lastIndex = end;
  const of = TOTAL.exec(text);
  const total = of?.[1] !== undefined ? parseNumberToken(of[1]) : null;
  if (total !== null) end = TOTAL.lastIndex;
  return { kind, part, total, start: m.index + m[0].indexOf(word), end };
}

function ratioHit(m: RegExpMatchArray, kind: 'of' | 'fraction'): Hit | null {
  const part = Number.parseInt(m[1] ?? '', 10);
  const total = Number.parseInt(m[2] ?? '', 10);
  if (m.index === undefined || !(part >= 1 && part <= total && total >= 2 && total <= 30)) return null;
  // "Top 3 of 10" ranks; it does not number parts.
  if (kind === 'of' && /\b(?:top|best|worst)\s*$/i.test(m.input?.slice(0, m.index + m[0].indexOf(m[1] ?? '')) ?? '')) return null;
  const start = m.index + (kind === 'of' ? m[0].indexOf(m[1] ?? '') : 0);
  return { kind, part, total, start, end: m.index + m[0].length };
}

function hashHit(text: string, m: RegExpMatchArray): Hit | null {
  if (m.index === undefined) return null;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  if (before.trim() === '' || isRankingHash(before, after)) return null;
  return { kind: 'hash', part: Number.parseInt(m[1] ?? '', 10), total: null, start: m.index, end: m.index + m[0].length };
}

function fromHit(text: string, hit: Hit): PartMarker | null {
  const before = cleanStem(lastPipeSegment(text.slice(0, hit.start)));
  const after = text.slice(hit.end).replace(TRIM_START, '').trim();
  if (!HAS_WORD.test(before)) {
    const marker = headStem(after, hit.kind, hit.part, hit.total);
    // "Chapter 11 bankruptcy explained": without a separator after it, a leading marker is only weak evidence.
    const separated = /^\s*[-\u2013\u2014:|.,)\]]/.test(text.slice(hit.end)) || after === '';
    // "Episode 12: Guest Name" numbers a podcast run, not a named series: it needs siblings too.
    return marker && (!separated || hit.kind === 'episode') ? { ...marker, strength: 'weak' } : marker;
  }
  if (isRoundupColumn(text.slice(0, hit.end))) return null;
  return build(hit.kind, hit.part, hit.total, before, after, 'suffix');
}

// Marker first ("Part 2: Name – Subtitle", "29 - Name"): the name is the head of the rest.
function headStem(rest: string, kind: MarkerKind, part: number, total: number | null): PartMarker | null {
  const sep = HEAD_SEPARATOR.exec(rest);
  const stem = cleanStem(sep ? rest.slice(0, sep.index) : rest);
  const subtitle = sep ? rest.slice(sep.index + sep[0].length).trim() : '';
  if (isRoundupColumn(stem)) return null;
  return build(kind, part, total, stem, subtitle, 'prefix');
}

// "Episode Title | Show | Season 2, Episode 14": the segment next to the marker names the series.
function lastPipeSegment(before: string): string {
  if (!before.includes(' | ')) return before;
  const segments = before.split(/\s\|\s/);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (HAS_WORD.test(segment)) return segment;
  }
  return before;
}

// Drops separators and the quotes around a quoted name ("“Harbor Town,” Part 5" names "Harbor Town").
function cleanStem(raw: string): string {
  const trimmed = raw.replace(TRIM_END, '').trim();
  const unquoted = trimmed.replace(OPEN_QUOTE, '');
  if (unquoted !== trimmed && !ANY_QUOTE.test(unquoted)) return unquoted.trim();
  // 'Presents “Frontier,”': trimming took the closing quote; give it back.
  const open = /[\u201c\u2018\u00ab](?=[^\u201d\u2019\u00bb]*$)/.exec(trimmed);
  return open ? trimmed + (CLOSING[open[0]] ?? '') : trimmed;
}

const CLOSING: Readonly<Record<string, string>> = { '\u201c': '\u201d', '\u2018': '\u2019', '\u00ab': '\u00bb' };

function build(kind: MarkerKind, part: number, total: number | null, stem: string, subtitle: string, position: 'prefix' | 'suffix'): PartMarker {
  return { kind, strength: STRONG.has(kind) ? 'strong' : 'weak', part, total, stem, subtitle, position, code: null };
}
