import { describe, expect, it } from 'vitest';
import { isIsoDateTime } from './iso-date.ts';

describe('isIsoDateTime', () => {
  it.each([
    ['2026-11-22T17:00:00Z', true],
    ['2026-11-22T17:00:00.123Z', true],
    ['2026-11-22T17:00:00.123456789+05:30', true],
    ['2024-02-29T00:00:00-08:00', true],
    ['2026-02-29T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['2026-00-10T00:00:00Z', false],
    ['2026-11-22T24:00:00Z', false],
    ['2026-11-22T17:60:00Z', false],
    ['2026-11-22T17:00:00', false],
    ['2026-11-22', false],
    ['2026-11-22 17:00:00Z', false],
    ['Sun, 22 Nov 2026 17:00:00 GMT', false],
    ['1700000000000', false],
    ['', false],
    [`2026-11-22T17:00:00.${'1'.repeat(100)}Z`, false],
  ])('%s → %s', (input, valid) => {
    expect(isIsoDateTime(input)).toBe(valid);
  });
});
