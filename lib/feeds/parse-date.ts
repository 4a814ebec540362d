/**
 * Dates as feeds really write them, to ISO 8601 in UTC (`2026-05-11T14:25:46Z`). A string that
 * cannot be read is `undefined`: a date is never invented.
 *
 * - ISO 8601 / RFC 3339 / W3C-DTF: `2003-12-31T10:14:55Z`, fractions, `+08:00` / `+0800` / none
 *   (UTC assumed), a space for the `T`, partial dates `2003` and `2003-12`, basic `20031231T101455Z`.
 * - RFC 822 / 1123 and the deviations seen in the wild: with or without weekday, no seconds, no
 *   time, two-digit years, single-digit days, full month names, extra commas, `GMT+2` and named
 *   zones (UT, GMT, EST … PDT, CET, military letters), `Thu Aug 30 2012 17:26:16 +0200`, asctime.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Abbreviations of other languages feeds are written in (pt, es, fr, de, it, nl).
  fev: 2, abr: 4, mai: 5, ago: 8, set: 9, out: 10, dez: 12, ene: 1, dic: 12, okt: 10, mrz: 3, 'mär': 3,
  mrt: 3, mei: 5, gen: 1, mag: 5, giu: 6, lug: 7, ott: 10, avr: 4, 'fév': 2, 'aoû': 8, 'déc': 12,
};
// Full names and four-letter abbreviations, English and the languages above.
const LONG_MONTHS: Record<string, number> = Object.fromEntries(
  [
    'january janeiro enero janvier januar gennaio januari janv',
    'february fevereiro febrero février februar febbraio februari févr fevr febr',
    'march março marzo mars märz maart marz',
    'april abril avril aprile',
    'may maio mayo maggio',
    'june junho junio juin juni giugno',
    'july julho julio juillet juli luglio juil',
    'august agosto août augustus',
    'september setembro septiembre setiembre septembre settembre sept',
    'october outubro octubre octobre oktober ottobre',
    'november novembro noviembre novembre',
    'december dezembro diciembre décembre dezember dicembre',
  ].flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);

const WEEKDAYS = new Set([
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

// Offsets in minutes east of UTC.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, 'etc/gmt': 0, 'etc/utc': 0, wet: 0,
  // North America (RFC 822 names and the short forms feedparser also accepts)
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  at: -240, et: -300, ct: -360, mt: -420, pt: -480,
  ast: -240, adt: -180, nst: -210, ndt: -150, akst: -540, akdt: -480, hst: -600, hast: -600, hadt: -540,
  // Europe, Asia, Oceania
  bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120, mez: 60, mesz: 120, eet: 120, eest: 180,
  west: 60, msk: 180, msd: 240, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570,
  acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

function militaryZone(letter: string): number | undefined {
  // RFC 822 section 5.1: A (-1) … M (-12) skipping J; N (+1) … Y (+12); Z is UT.
  const c = letter.charCodeAt(0);
  if (letter === 'z') return 0;
  if (c >= 97 && c <= 105) return -(c - 96) * 60; // a-i
  if (c >= 107 && c <= 109) return -(c - 97) * 60; // k-m
  if (c >= 110 && c <= 121) return (c - 109) * 60; // n-y
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): string | undefined {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60)) return undefined;
  if (hour === 24 && (minute !== 0 || second !== 0)) return undefined;
  if (second === 60) second = 59; // a leap second
  let ms = Date.UTC(year, month - 1, day, hour, minute - offsetMinutes, second);
  if (year < 100) {
    // Date.UTC maps years 0-99 to 1900-1999.
    const date = new Date(ms);
    date.setUTCFullYear(date.getUTCFullYear() - 1900);
    ms = date.getTime();
  }
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  if (!(y >= 1 && y <= 9999)) return undefined;
  return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

/** Parses `+hh:mm`, `-hhmm`, `+hh`, `Z`, `GMT+2`, `UTC-05:30`, `EST`, military letters. */
function parseZone(raw: string): number | undefined {
  const zone = raw.toLowerCase();
  const named = ZONES[zone];
  if (named !== undefined) return named;
  if (zone.length === 1) return militaryZone(zone);
  const m = /^(?:gmt|utc|ut|etc\/gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// year, then -MM(-DD) (or /MM/DD) or MMDD, then an optional time (extended or basic) with an optional zone.
const ISO_RE =
  /^(\d{4})(?:[-/](\d{1,3})(?:[-/](\d{1,2}))?|(\d{2})(\d{2}))?(?:(?:T|\s+)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|(\d{2})(\d{2})?(?:[.,]\d+)?)\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT|UT)?)?$/i;

function parseIso(text: string): string | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const num = (v: string | undefined, fallback: number): number => (v === undefined ? fallback : Number(v));
  const monthText = m[2] ?? m[4];
  // A three-digit month only as `012` (a zero-padded ordinal some generators write).
  if (monthText !== undefined && monthText.length === 3 && monthText[0] !== '0') return undefined;
  const year = Number(m[1]);
  const month = num(monthText, 1);
  const day = num(m[3] ?? m[5], 1);
  const hour = num(m[6], 0);
  const minute = num(m[7] ?? m[9], 0);
  const second = num(m[8] ?? m[10], 0);
  let offset = 0;
  if (m[11] !== undefined) {
    const zone = parseZone(m[11]);
    if (zone === undefined) return undefined;
    offset = zone;
  }
  return build(year, month, day, hour, minute, second, offset);
}

function monthOf(token: string): number | undefined {
  const t = token.endsWith('.') ? token.slice(0, -1) : token;
  if (t.length < 3) return undefined;
  return t.length === 3 ? MONTHS[t] : LONG_MONTHS[t];
}

function parseTime(token: string): [number, number, number] | undefined {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?$/.exec(token);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
}

function expandYear(token: string): number | undefined {
  if (!/^\d{2,4}$/.test(token)) return undefined;
  const y = Number(token);
  if (token.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (token.length === 3) return 1900 + y;
  return y;
}

function parseRfc822(text: string): string | undefined {
  const tokens = text.toLowerCase().replace(/,/g, ' ').trim().split(/\s+/);
  // A weekday, English or not (`Seg,` `Mar,` `Do.,`): a leading word followed by a comma.
  if (tokens.length > 0 && (WEEKDAYS.has((tokens[0] as string).replace(/\.$/, '')) || /^\s*[^\d\s,]+\.?,/.test(text))) tokens.shift();
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: [number, number, number] | undefined;
  let zone: number | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as string;
    const asMonth = monthOf(token);
    if (asMonth !== undefined && month === undefined) {
      month = asMonth;
      continue;
    }
    if (/^\d{1,2}(?:st|nd|rd|th|\.)?$/.test(token) && day === undefined && (month !== undefined || k === 0)) {
      day = parseInt(token, 10);
      continue;
    }
    if (/^\d{1,4}$/.test(token) && year === undefined && day !== undefined && month !== undefined && (time === undefined || token.length === 4)) {
      year = expandYear(token);
      if (year === undefined) return undefined;
      continue;
    }
    if (/^\d{4}$/.test(token) && year !== undefined && time === undefined) {
      // `03 Apr 02 1500 GMT`: a time without a colon after the year.
      time = [Number(token.slice(0, 2)), Number(token.slice(2)), 0];
      continue;
    }
    if (token.includes(':') && time === undefined && /^\d/.test(token)) {
      // `16:31:00+0000` (no space before the zone)
      const glued = /^([\d:.]+)([+-]\d{2}:?\d{2}|z)$/.exec(token);
      time = parseTime(glued ? (glued[1] as string) : token);
      if (time === undefined) return undefined;
      if (glued) {
        zone = parseZone(glued[2] as string);
        if (zone === undefined) return undefined;
      }
      continue;
    }
    if ((token === 'am' || token === 'pm') && time !== undefined) {
      if (time[0] < 1 || time[0] > 12) return undefined;
      time[0] = (time[0] % 12) + (token === 'pm' ? 12 : 0);
      continue;
    }
    if (zone === undefined && (time !== undefined || year !== undefined)) {
      // `GMT +0100`, `GMT-01:01`, `+01:00`, `EST`, `(PST)`
      let candidate = token.replace(/^\(|\)$/g, '');
      const next = tokens[k + 1];
      if ((candidate === 'gmt' || candidate === 'utc' || candidate === 'ut') && next !== undefined && /^[+-]\d/.test(next)) {
        candidate = next;
        k++;
      }
      zone = parseZone(candidate);
      if (zone === undefined) return undefined;
      continue;
    }
    return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  const [hour, minute, second] = time ?? [0, 0, 0];
  return build(year, month, day, hour, minute, second, zone ?? 0);
}

// The common case, `Mon, 11 May 2026 14:25:46 +0000` / `GMT`, without tokenizing.
const RFC822_FAST = /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2})|GMT|UTC|UT|Z)$/;

function parseRfc822Fast(text: string): string | undefined {
  const m = RFC822_FAST.exec(text);
  if (!m) return undefined;
  const month = MONTHS[(m[2] as string).toLowerCase()];
  if (month === undefined || month > 12) return undefined;
  const offset = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return undefined;
  return build(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), offset);
}

/** ISO 8601 UTC (`YYYY-MM-DDTHH:MM:SSZ`) for a date string from a feed, or undefined. */
export function parseDate(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text.length < 4 || text.length > 80) return undefined;
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const iso = parseIso(text);
    if (iso !== undefined) return iso;
  }
  return parseRfc822Fast(text) ?? parseRfc822(text);
}
