import { REFRESH_MINUTES_BOUNDS } from '../db/settings';

/** Bounds of any interval (the user's or a server's): the one bound of lib/db/settings.ts. */
export const MIN_INTERVAL_MINUTES = REFRESH_MINUTES_BOUNDS.min;
export const MAX_INTERVAL_MINUTES = REFRESH_MINUTES_BOUNDS.max;
/** Failures back off exponentially up to a day. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Share of an interval used as random jitter, so feeds added together don't fire together. */
export const JITTER_SHARE = 0.1;

const MINUTE = 60_000;

/** What a response says about how long its content stays fresh. */
export interface FreshnessHints {
  maxAgeSeconds?: number;
  /** Expires header as epoch ms. */
  expiresAt?: number;
  /** RSS `<ttl>` in minutes. */
  ttlMinutes?: number;
}

/** Clamps minutes into the polite range [10 min, 24 h]. */
export function clampIntervalMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return MAX_INTERVAL_MINUTES;
  return Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, Math.round(minutes)));
}

/** The longest freshness a response asks for, in clamped minutes, or undefined when it asks for none. */
export function serverMinMinutes(hints: FreshnessHints, now: number): number | undefined {
  const candidates: number[] = [];
  if (hints.maxAgeSeconds !== undefined && hints.maxAgeSeconds > 0) candidates.push(hints.maxAgeSeconds / 60);
  if (hints.expiresAt !== undefined && hints.expiresAt > now) candidates.push((hints.expiresAt - now) / MINUTE);
  if (hints.ttlMinutes !== undefined && hints.ttlMinutes > 0) candidates.push(hints.ttlMinutes);
  if (candidates.length === 0) return undefined;
  return clampIntervalMinutes(Math.max(...candidates));
}

/** Inputs of {@link nextCheckAt}. */
export interface ScheduleInput {
  now: number;
  /** The user's interval for this feed, or the default setting. */
  intervalMinutes: number;
  serverMinMinutes?: number;
  /** Consecutive failures including the one just recorded (0 after a success). */
  errorStreak: number;
  /** Absolute time before which the server asked us not to come back (Retry-After). */
  retryAfterUntil?: number;
  /** A number in [0, 1) for jitter; injected so tests are deterministic. */
  random: number;
}

/** Backoff after `errorStreak` consecutive failures: interval × 2^(streak−1), capped at 24 h. */
export function backoffMs(intervalMinutes: number, errorStreak: number): number {
  if (errorStreak <= 0) return 0;
  const base = Math.max(MIN_INTERVAL_MINUTES, intervalMinutes) * MINUTE;
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(errorStreak - 1, 20));
}

/** When a feed should be checked next, honouring interval, server hints, backoff, Retry-After and jitter. */
export function nextCheckAt(input: ScheduleInput): number {
  const interval = Math.max(input.intervalMinutes, input.serverMinMinutes ?? 0) * MINUTE;
  const wait = input.errorStreak > 0 ? backoffMs(input.intervalMinutes, input.errorStreak) : interval;
  const jitter = Math.round(wait * JITTER_SHARE * input.random);
  const planned = input.now + wait + jitter;
  return Math.max(planned, input.retryAfterUntil ?? 0);
}
