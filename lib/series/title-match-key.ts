/**
 * The key two titles of one post share: case, whitespace, quotes (’ and '), dashes (–, — and -) and
 * trailing punctuation normalized, nothing fuzzier (a wrong grouping is worse than a missing one).
 */
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`´]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033«»]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const TRAILING = /[\s.,;:!?…'"-]+$/u;

/** The title as {@link titleMatchKey} compares it ("" for an empty title). */
export function titleMatchKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .trim()
    .replace(TRAILING, '')
    .toLowerCase();
}
