import { describe, expect, it } from 'vitest';
import { parseNumberToken, parseRoman } from './number-words';

describe('parseNumberToken', () => {
  it.each<[string, number | null]>([
    ['3', 3], ['012', 12], ['III', 3], ['iv', 4], ['IX', 9], ['XII', 12], ['xxxix', 39],
    ['Three', 3], ['twelve', 12], ['first', 1], ['tenth', 10], ['twenty', 20],
    ['', null], ['IIII', null], ['VX', null], ['lots', null], ['3a', null],
  ])('%s → %s', (token, expected) => {
    expect(parseNumberToken(token)).toBe(expected);
  });

  it.each<[string, number | null]>([['i', 1], ['vi', 6], ['xiv', 14], ['', null], ['iiv', null]])('roman %s → %s', (token, expected) => {
    expect(parseRoman(token)).toBe(expected);
  });
});
