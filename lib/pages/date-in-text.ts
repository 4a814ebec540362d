import { parseDate } from '../feeds/parse-date';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// Bounded quantifiers only, so a search is linear in the text.
const DATE_RE = new RegExp(
  [`\\b\\d{4}-\\d{2}-\\d{2}\\b`, `\\b${MONTH} \\d{1,2},? \\d{4}\\b`, `\\b\\d{1,2} ${MONTH},? \\d{4}\\b`].join('|'),
  'i',
);

const FOUR_DIGITS = /\d{4}/;

/** The first written date in `text` ("2024-01-05", "Jan 5, 2024", "5 January 2024") as ISO 8601 UTC, or undefined. */
export function dateInText(text: string): string | undefined {
  // Every form has a four-digit year: most texts have none, and this test is far cheaper than the search.
  if (!FOUR_DIGITS.test(text)) return undefined;
  const match = DATE_RE.exec(text);
  return match ? parseDate(match[0].replace(/,|(?<=[a-z])\./gi, '')) : undefined;
}
