import { describe, expect, it } from 'vitest';
import { partLabel } from './part-label';

describe('partLabel in an author-declared order', () => {
  it.each<[string, number, string]>([
    ['From Passive FastAPI Developer to Real FastAPI Engineer – Part 1: ASGI', 2, '#2'],
    ['From Passive FastAPI Developer to Real FastAPI Engineer – Part 1: ASGI', 1, 'Part 1'],
    ['Do You Really Know About FastAPI and ASGI?', 1, 'Part 1'],
  ])('%s at %i → %s', (title, part, expected) => {
    expect(partLabel(title, part)).toBe(expected);
  });
});
