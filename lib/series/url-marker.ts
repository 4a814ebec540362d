/** Part markers in URL slugs ("…/series-name-part-3/", "…/weekly-vlog-012/"). */

import { NUMBER_WORD_SOURCE, ROMAN_SOURCE, parseNumberToken } from './number-words';
import { isRoundupColumn, isYear } from './negatives';

/** A slug's marker: the slug stem before it (words separated by spaces) and the part number. */
export interface UrlMarker {
  stem: string;
  part: number;
  /** strong for "part-N"/"pt-N"; weak for a bare trailing number. */
  strength: 'strong' | 'weak';
}

const PART_SLUG = new RegExp(`^(.*?)(?:^|[-_])(?:part|pt)[-_]?(\\d{1,3}|(?=[ivx])${ROMAN_SOURCE}|${NUMBER_WORD_SOURCE})(?:[-_:.,].*)?$`);
const TRAILING_SLUG = /^(.*?[a-z])[-_]?(\d{1,3})$/;
// Platforms (dev.to, Medium) append a short random id ("-28jf", "-9e56e42251bf") to slugs.
const RANDOM_ID = /^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{2,12}$/;
const EXTENSION = /\.(?:html?|php|aspx?)$/;

/** Last path segment of a URL, decoded, lowercased, without extension or platform id; null when absent. */
export function urlSlug(url: string): string | null {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  let stop = query >= 0 && (hash < 0 || query < hash) ? query : hash >= 0 ? hash : url.length;
  while (stop > 0 && url.charCodeAt(stop - 1) === 47 /* / */) stop--;
  const from = url.lastIndexOf('/', stop - 1) + 1;
  if (from >= stop || url.charCodeAt(from - 2) === 47 /* the host of "https://host" */) return null;
  let slug = url.slice(from, stop);
  if (slug.includes('%')) {
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // Malformed escapes: keep the raw segment.
    }
  }
  slug = slug.toLowerCase().replace(EXTENSION, '');
  const dash = Math.max(slug.lastIndexOf('-'), slug.lastIndexOf('_'));
  // "part1", "series2" are part markers, not ids.
  if (dash > 0 && slug.length - dash <= 13 && RANDOM_ID.test(slug.slice(dash + 1)) && !/^[a-z]+\d+$/.test(slug.slice(dash + 1))) return slug.slice(0, dash);
  return slug;
}

/** Parses the part marker of a post URL's slug; null when it carries none. */
export function parseUrlMarker(url: string): UrlMarker | null {
  const slug = urlSlug(url);
  if (slug === null || !/\d|p(?:ar)?t[-_]?[ivx]|part[-_]?[a-z]/.test(slug)) return null;
  const part = slug.includes('pt') || slug.includes('part') ? PART_SLUG.exec(slug) : null;
  if (part?.[1] !== undefined && part[2] !== undefined) {
    const n = parseNumberToken(part[2]);
    const stem = slugWords(part[1]);
    if (n !== null && stem !== '' && !isRoundupColumn(stem)) return { stem, part: n, strength: 'strong' };
  }
  const last = slug.charCodeAt(slug.length - 1);
  const trail = last >= 48 && last <= 57 ? TRAILING_SLUG.exec(slug) : null;
  if (trail?.[1] !== undefined && trail[2] !== undefined) {
    const n = Number.parseInt(trail[2], 10);
    const stem = slugWords(trail[1]);
    // Digits inside the stem ("go1.18beta2", "survey2024-h1") mean a version or date, not a part.
    if (!isYear(n) && /[a-z]{2}/.test(stem) && !/\d/.test(stem) && !isRoundupColumn(stem)) return { stem, part: n, strength: 'weak' };
  }
  return null;
}

function slugWords(s: string): string {
  return s.replace(/[-_.+]+/g, ' ').trim();
}
