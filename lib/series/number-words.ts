/** Parsing of the number tokens that follow a part marker: digits, roman numerals and English number words. */

const WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

/** Regex source matching a number word (used inside marker regexes). */
export const NUMBER_WORD_SOURCE = Object.keys(WORDS).sort((a, b) => b.length - a.length).join('|');

/** Regex source matching a roman numeral from I to XXXIX (case-insensitive use). */
export const ROMAN_SOURCE = 'x{0,3}(?:ix|iv|v?i{0,3})';

const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

/** Value of a roman numeral made of I, V and X, or null when it is not well formed. */
export function parseRoman(token: string): number | null {
  const s = token.toLowerCase();
  if (s.length === 0 || !new RegExp(`^${ROMAN_SOURCE}$`).test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = ROMAN_VALUES[s.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[s.charAt(i + 1)] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total > 0 ? total : null;
}

/** Value of a part-number token: decimal digits, a roman numeral or an English number word. */
export function parseNumberToken(token: string): number | null {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
  const word = WORDS[t];
  if (word !== undefined) return word;
  return parseRoman(t);
}
