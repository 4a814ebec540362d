/** Loose normalisation of series names, so spelling variants of one name share a key. */

const NON_ASCII = /[^ -~\t\n\r]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u02bc', '`']);

/** Words of a name, lowercased, without accents, punctuation or a plural "s" (the basis of the key). */
export function looseWords(name: string): string[] {
  // Only non-ASCII names need the (slow) accent folding.
  const text = (!NON_ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && LETTER_OR_DIGIT.test(ch))) word += ch;
    else if (APOSTROPHES.has(ch)) continue;
    else {
      if (word !== '') words.push(singular(word));
      word = '';
      if (ch === '&') words.push('and');
    }
  }
  if (word !== '') words.push(singular(word));
  return words;
}

// Singular and plural spellings ("Day"/"Days") of one series should meet.
function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w) ? w.slice(0, -1) : w;
}

/** Stable key of a series name: loose words joined by dashes ("" when the name has no words). */
export function seriesKey(name: string): string {
  return looseWords(name).join('-');
}
