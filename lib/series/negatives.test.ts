import { describe, expect, it } from 'vitest';
import { isRankingHash, isRoundupColumn, isYear } from './negatives';

describe('negatives', () => {
  it.each<[string, boolean]>([
    ['Weekly Roundup', true], ['Links of the Week', true], ['This Week in Rust', true], ['Monthly digest', true],
    ['Weekly News Recap', true], ['Weekly Dev Stream', false], ['Dev Roundup', false], ['Practical Go in Production', false],
  ])('roundup column %s → %s', (stem, expected) => {
    expect(isRoundupColumn(stem)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['', ' mistake developers make', true], ['The ', ' Mistake New Go Developers Make', true], ['Why Observability Is My ', ' Priority', true],
    ['Practical Go in Production ', ': Handlers', false], ['Toolbox Thursday - ', '', false],
  ])('ranking hash "%s#N%s" → %s', (before, after, expected) => {
    expect(isRankingHash(before, after)).toBe(expected);
  });

  it.each<[number, boolean]>([[2026, true], [1999, true], [12, false], [512, false], [2201, false]])('year %i → %s', (n, expected) => {
    expect(isYear(n)).toBe(expected);
  });
});
