import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-date';

const NOW = Date.UTC(2026, 10, 1, 12);

describe('formatRelative', () => {
  it.each<[number | undefined, RegExp]>([
    [undefined, /^never$/],
    [NOW + 1000, /^just now$/],
    [NOW - 30_000, /^just now$/],
    [NOW + 31 * 60_000, /31 minutes/],
    [NOW - 2 * 3_600_000, /2 hours ago/],
    [NOW + 3 * 86_400_000, /3 days/],
  ])('%s', (time, expected) => {
    expect(formatRelative(time, NOW)).toMatch(expected);
  });
});
