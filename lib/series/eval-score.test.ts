import { describe, expect, it } from 'vitest';
import { addScores, emptyScore, hasGenericMarker, hasWordMarker, precision, scorePairs, type LabelledPost } from './eval-score';

const post = (title: string, series: string | null, suspect = false): LabelledPost => ({ title, series, suspect });

describe('generic markers', () => {
  it.each<[string, boolean, boolean]>([
    ['Name – Part 3: Subtitle', true, true],
    ['Name #3', true, true],
    ['Name (2/5)', true, true],
    ['Name, 2 of 5', true, true],
    ['Hypermedia part II', true, true],
    ['29 - Name', false, true],
    ['V012 - Weekly Vlog', false, true],
    ['Go 1.22 is released', false, false],
    ['Part of the Problem', false, false],
  ])('%s → word %s, generic %s', (title, word, generic) => {
    expect([hasWordMarker(title), hasGenericMarker(title)]).toEqual([word, generic]);
  });
});

describe('scorePairs', () => {
  it.each<[string, LabelledPost[], (string | null)[], Partial<ReturnType<typeof emptyScore>>]>([
    ['correct pair and found marker pair', [post('A Part 1', 'A'), post('A Part 2', 'A')], ['a', 'a'], { grouped: 1, correct: 1, markerPairs: 1, found: 1, wordPairs: 1, wordFound: 1 }],
    ['missed marker pair', [post('A Part 1', 'A'), post('A Part 2', 'A')], ['a', null], { grouped: 0, markerPairs: 1, found: 0, wordPairs: 1 }],
    ['two null keys are not together', [post('x', 'A'), post('y', 'A')], [null, null], { grouped: 0, markerPairs: 0 }],
    ['different labels are wrong', [post('A Part 1', 'A'), post('B Part 1', 'B')], ['k', 'k'], { grouped: 1, correct: 0, unverifiable: 0 }],
    ['unlabelled non-suspect is wrong', [post('A Part 1', 'A'), post('A Part 2', null)], ['k', 'k'], { grouped: 1, correct: 0, unverifiable: 0 }],
    ['unlabelled suspect is unverifiable', [post('A Part 1', 'A'), post('A Part 2', null, true)], ['k', 'k'], { grouped: 1, correct: 0, unverifiable: 1 }],
    ['leading numbers count for m.rec only', [post('1 - Intro', 'P'), post('2 - More', 'P')], [null, null], { markerPairs: 1, wordPairs: 0 }],
  ])('%s', (_name, posts, keys, expected) => {
    expect(scorePairs(posts, keys)).toEqual({ ...emptyScore(), ...expected });
  });

  it.each<[ReturnType<typeof emptyScore>, number | null]>([
    [{ ...emptyScore(), grouped: 4, correct: 3, unverifiable: 0 }, 0.75],
    [{ ...emptyScore(), grouped: 4, correct: 3, unverifiable: 1 }, 1],
    [emptyScore(), null],
  ])('precision of %o is %s', (score, expected) => {
    expect(precision(score)).toBe(expected);
  });

  it.each([[{ ...emptyScore(), grouped: 1, found: 2 }, { ...emptyScore(), grouped: 3, wordFound: 1 }]])('adds scores', (a, b) => {
    expect(addScores(a, b)).toEqual({ ...emptyScore(), grouped: 4, found: 2, wordFound: 1 });
  });
});
