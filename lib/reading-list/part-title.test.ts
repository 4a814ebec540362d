import { describe, expect, it } from 'vitest';
import { partTitle } from './part-title';

describe('partTitle', () => {
  it.each([
    ['Modern Python in Practice #4: Authentication', 'Modern Python in Practice', 'Authentication'],
    ['From Passive FastAPI Developer to Real FastAPI Engineer – Part 2', 'From Passive FastAPI Developer to Real FastAPI Engineer', ''],
    ['Dives into ASGI – Part 1: ASGI', 'Dives into ASGI', 'ASGI'],
    ['Dives into ASGI - Part 3: Lifespan events', 'Dives into ASGI', 'Lifespan events'],
    ['modern python advanced #7 — Metaclasses', 'Modern Python Advanced', 'Metaclasses'],
    ['Rust in Production (Part 2/5): Errors', 'Rust in Production', 'Errors'],
    ['Modern Python FastAPI #1', 'Modern Python in Practice', 'Modern Python FastAPI'],
    ['Memory: Stack and Heap', 'Memory Topics', 'Memory: Stack and Heap'],
    ['Django Channels', 'Django Channels', ''],
    ['Django Channels: consumers in depth', 'Django Channels', 'consumers in depth'],
    ['Python 3.13 for the impatient', 'Python', '3.13 for the impatient'],
  ])('%s (series %s) → %s', (title, series, own) => {
    expect(partTitle(title, series)).toBe(own);
  });

  it('stays linear on long hostile titles', () => {
    const title = `${'Part 1 '.repeat(20_000)}x`;
    expect(partTitle(title, 'Part')).toContain('x');
  });
});
