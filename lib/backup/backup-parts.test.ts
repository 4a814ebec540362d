import { describe, expect, it } from 'vitest';
import { splitBackupText } from './backup-parts';

describe('splitBackupText', () => {
  it.each<[string, string, number, string[]]>([
    ['an empty file is one empty part', '', 4, ['']],
    ['a text shorter than a part is one part', 'abc', 4, ['abc']],
    ['a text of exactly one part', 'abcd', 4, ['abcd']],
    ['a longer text is cut at the part length', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['a surrogate pair at the cut moves whole to the next part', 'abc😀de', 4, ['abc', '😀de']],
    ['a pair that ends exactly at the cut stays', 'ab😀cdef', 4, ['ab😀', 'cdef']],
    ['a text of pairs only', '😀😀😀', 3, ['😀', '😀', '😀']],
  ])('%s', (_name, text, length, parts) => {
    expect(splitBackupText(text, length)).toEqual(parts);
  });

  it('keeps every part within the length and loses nothing, for texts of every mix', () => {
    const alphabet = ['a', '"', '\\', 'é', '😀', '\n'];
    let seed = 7;
    for (let round = 0; round < 200; round += 1) {
      let text = '';
      const size = round % 40;
      for (let i = 0; i < size; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += alphabet[seed % alphabet.length];
      }
      const length = 2 + (round % 7);
      const parts = splitBackupText(text, length);
      expect(parts.join('')).toBe(text);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(length);
      for (const part of parts) expect(part.isWellFormed()).toBe(true);
    }
  });

  it('refuses a part length that cannot hold a surrogate pair', () => {
    expect(() => splitBackupText('abc', 1)).toThrow(RangeError);
  });
});
