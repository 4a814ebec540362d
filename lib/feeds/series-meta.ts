/**
 * The series an item declares in the feed: PublishPress Series' `<series:name>` and the part from
 * its "This entry is part N of M in the series X" box (or any "part N of M") in the item's content.
 */
import type { ItemSeries } from './types';

// Only the start of a body is read: the box sits at the top or bottom, and a long body costs nothing more.
const HEAD = 4000;
const PART_OF = /\bpart\s+(\d{1,3})\s+of\s+(\d{1,3})\b(?:\s+in\s+the\s+series\s*(?:<a\b[^>]*>)?\s*([^<]{1,200}))?/i;

function partOf(html: string): { part: number; total: number; name?: string } | undefined {
  const match = PART_OF.exec(html.length > 2 * HEAD ? html.slice(0, HEAD) + ' ' + html.slice(-HEAD) : html);
  if (!match) return undefined;
  const part = Number(match[1]);
  const total = Number(match[2]);
  if (part < 1 || part > total) return undefined;
  const name = match[3]?.replace(/\s+/g, ' ').trim().replace(/[.:]$/, '');
  return { part, total, ...(name ? { name } : {}) };
}

/** An item's declared series, or undefined when it declares none. */
export function itemSeries(seriesName: string | undefined, contentHtml: string | undefined): ItemSeries | undefined {
  const found = contentHtml ? partOf(contentHtml) : undefined;
  const name = seriesName?.trim() || found?.name;
  if (!name && !found) return undefined;
  return { ...(name ? { name } : {}), ...(found ? { part: found.part, total: found.total } : {}) };
}
