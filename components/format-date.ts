// Formatters are built on first use: building one loads locale data, which the popup's first paint
// should not wait for before it has even asked for its posts.
let date: Intl.DateTimeFormat | undefined;
let relative: Intl.RelativeTimeFormat | undefined;
let clock: Intl.DateTimeFormat | undefined;

/** A short, locale-aware date for post lists; empty for a missing time. */
export function formatDate(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  date ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return date.format(new Date(epochMs));
}

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
    if (Math.abs(delta) >= size) return (relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })).format(Math.round(delta / size), unit);
  }
  return 'just now';
}

/** A time of day ("14:05"), with the date when it is not today: for "wait until" notes. */
export function formatClockTime(epochMs: number, now: number): string {
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const time = clock.format(new Date(epochMs));
  return new Date(epochMs).toDateString() === new Date(now).toDateString() ? time : `${time} on ${formatDate(epochMs)}`;
}
