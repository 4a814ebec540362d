// Anchored and without nested quantifiers, so matching is linear in the input.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const MAX_ISO_LENGTH = 40;

/** True for an ISO 8601 date-time with seconds and a zone (`2026-01-02T03:04:05.678Z`, `…+02:00`) that names a real instant. */
export function isIsoDateTime(text: string): boolean {
  if (text.length > MAX_ISO_LENGTH) return false;
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second, zoneHour, zoneMinute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (month === undefined || month < 1 || month > 12) return false;
  if (day === undefined || day < 1 || day > daysInMonth(year ?? 0, month)) return false;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return false;
  if ((zoneHour ?? 0) > 23 || (zoneMinute ?? 0) > 59) return false;
  return Number.isFinite(Date.parse(text));
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
