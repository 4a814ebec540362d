/** storage.sync's write limits (Chrome's MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR; Firefox is looser). */
export const WRITE_LIMITS = { perMinute: 120, perHour: 1_800 } as const;

/** What Partwise allows itself, below the limits so a burst from another feature never hits them. */
export const WRITE_BUDGET = { perMinute: 60, perHour: 900 } as const;

/** Quiet time after a local change before it is sent, so a burst of changes is one write. */
export const DEBOUNCE_MS = 5_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The log without entries older than an hour. */
export function recentWrites(log: readonly number[], now: number): number[] {
  return log.filter((at) => at > now - HOUR && at <= now);
}

/**
 * The earliest time `ops` more write operations fit in both windows (now when they fit already), given the
 * times of the earlier ones.
 */
export function nextWriteAt(log: readonly number[], now: number, ops: number): number {
  const recent = [...recentWrites(log, now)].sort((a, b) => a - b);
  let at = now;
  const inMinute = recent.filter((t) => t > now - MINUTE);
  if (inMinute.length + ops > WRITE_BUDGET.perMinute) at = Math.max(at, inMinute[inMinute.length + ops - WRITE_BUDGET.perMinute - 1]! + MINUTE);
  if (recent.length + ops > WRITE_BUDGET.perHour) at = Math.max(at, recent[recent.length + ops - WRITE_BUDGET.perHour - 1]! + HOUR);
  return at;
}
