const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A short, locale-aware date for post lists; empty for a missing time. */
export function formatDate(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return DATE.format(new Date(epochMs));
}

const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 5 minutes", "2 hours ago": for last and next checks. */
export function formatRelative(epochMs: number | undefined, now: number): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return 'never';
  const delta = epochMs - now;
  // The page's clock ticks every half minute, so anything that close is simply now.
  if (Math.abs(delta) < 60_000) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) >= size) return RELATIVE.format(Math.round(delta / size), unit);
  }
  return 'just now';
}
