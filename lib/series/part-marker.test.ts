import { describe, expect, it } from 'vitest';
import { parsePartMarker } from './part-marker';
import { TITLE_TABLE } from './titles.table';

describe('parsePartMarker on the title table', () => {
  it('has at least 150 rows, negatives included', () => {
    expect(TITLE_TABLE.length).toBeGreaterThanOrEqual(150);
    expect(TITLE_TABLE.filter((c) => c.name === null).length).toBeGreaterThanOrEqual(40);
  });

  it.each(TITLE_TABLE.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const m = parsePartMarker(c.title);
    if (c.name === null) {
      expect(m).toBeNull();
      return;
    }
    expect(m).not.toBeNull();
    expect({ name: m?.stem, part: m?.part, weak: m?.strength === 'weak' }).toEqual({ name: c.name, part: c.part, weak: c.weak === true });
  });
});

describe('parsePartMarker details', () => {
  it.each([
    ['Name, Part 3 of 5', { total: 5, subtitle: '', position: 'suffix' }],
    ['Name [3/5]', { total: 5, subtitle: '', position: 'suffix' }],
    ['Name – Part 3: Subtitle here', { total: null, subtitle: 'Subtitle here', position: 'suffix' }],
    ['Part 2: Name - Subtitle', { total: null, subtitle: 'Subtitle', position: 'prefix' }],
    ['Practical Go Internals #7 Scheduler', { total: null, subtitle: 'Scheduler', position: 'suffix' }],
  ] as const)('%s', (title, expected) => {
    const m = parsePartMarker(title);
    expect(m && { total: m.total, subtitle: m.subtitle, position: m.position }).toEqual(expected);
  });

  it.each([
    ['W012 - Weekly Dev Stream #12', 'W'],
    ['RSN4 - Retro Systems Notes Episode 4', 'RSN'],
    ['Name – Part 3', null],
  ] as const)('records the episode code of %s', (title, code) => {
    expect(parsePartMarker(title)?.code).toBe(code);
  });
});
