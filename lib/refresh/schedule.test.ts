import { describe, expect, it } from 'vitest';
import { backoffMs, clampIntervalMinutes, nextCheckAt, serverMinMinutes, type FreshnessHints, type ScheduleInput } from './schedule';

const NOW = Date.UTC(2026, 10, 1, 12);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('clampIntervalMinutes', () => {
  it.each([
    [1, 10],
    [10, 10],
    [45, 45],
    [5000, 1440],
    [Number.NaN, 1440],
    [Number.POSITIVE_INFINITY, 1440],
  ])('%d minutes become %d', (input, expected) => {
    expect(clampIntervalMinutes(input)).toBe(expected);
  });
});

describe('serverMinMinutes', () => {
  it.each<[string, FreshnessHints, number | undefined]>([
    ['no hints', {}, undefined],
    ['max-age of one hour', { maxAgeSeconds: 3600 }, 60],
    ['max-age below the floor', { maxAgeSeconds: 60 }, 10],
    ['max-age of zero means no hint', { maxAgeSeconds: 0 }, undefined],
    ['Expires in two hours', { expiresAt: NOW + 2 * HOUR }, 120],
    ['Expires in the past is ignored', { expiresAt: NOW - HOUR }, undefined],
    ['RSS ttl of 90', { ttlMinutes: 90 }, 90],
    ['ttl of a week is capped at a day', { ttlMinutes: 7 * 24 * 60 }, 1440],
    ['the longest hint wins', { maxAgeSeconds: 1800, ttlMinutes: 60, expiresAt: NOW + 45 * MIN }, 60],
  ])('%s', (_name, hints, expected) => {
    expect(serverMinMinutes(hints, NOW)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each([
    [30, 0, 0],
    [30, 1, 30 * MIN],
    [30, 2, 60 * MIN],
    [30, 3, 120 * MIN],
    [30, 6, 16 * HOUR],
    [30, 7, 24 * HOUR],
    [30, 50, 24 * HOUR],
    [5, 1, 10 * MIN],
  ])('interval %d min after %d failures waits %d ms', (interval, streak, expected) => {
    expect(backoffMs(interval, streak)).toBe(expected);
  });
});

describe('nextCheckAt', () => {
  const base: ScheduleInput = { now: NOW, intervalMinutes: 30, errorStreak: 0, random: 0 };
  it.each<[string, Partial<ScheduleInput>, number]>([
    ['the plain interval', {}, NOW + 30 * MIN],
    ['a user interval of two hours', { intervalMinutes: 120 }, NOW + 2 * HOUR],
    ['a server hint longer than the interval', { serverMinMinutes: 90 }, NOW + 90 * MIN],
    ['a server hint shorter than the interval', { serverMinMinutes: 10 }, NOW + 30 * MIN],
    ['maximal jitter adds 10%', { random: 0.999999 }, NOW + 30 * MIN + Math.round(30 * MIN * 0.1 * 0.999999)],
    ['three failures back off to 2 hours', { errorStreak: 3 }, NOW + 2 * HOUR],
    ['Retry-After later than the schedule wins', { errorStreak: 1, retryAfterUntil: NOW + 3 * HOUR }, NOW + 3 * HOUR],
    ['Retry-After earlier than the backoff does not shorten it', { errorStreak: 4, retryAfterUntil: NOW + MIN }, NOW + 4 * HOUR],
  ])('%s', (_name, patch, expected) => {
    expect(nextCheckAt({ ...base, ...patch })).toBe(expected);
  });

  it('spreads feeds scheduled at the same moment', () => {
    const times = [0, 0.25, 0.5, 0.75].map((random) => nextCheckAt({ ...base, random }));
    expect(new Set(times).size).toBe(4);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(3 * MIN);
  });
});
