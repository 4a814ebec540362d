/**
 * The author's declarations (series pages, article pages, feed metadata, platform APIs) applied over
 * title detection: a post a declaration names joins that series at the author's position; posts of
 * a declared series that the declaration does not place lose their detected number, so they read
 * after the placed ones by date. User overrides are applied after this, so they still win.
 */
import type { DeclarationSource, DeclaredEntry, DeclaredSeries } from '../db/types';
import type { SeriesAssignment, SeriesInput } from './assign';
import { seriesKey } from './series-key';
import { titleMatchKey } from './title-match-key';

const TRUST: Readonly<Record<DeclarationSource, number>> = { 'series-page': 0, 'article-page': 1, feed: 2, api: 3 };

/** A post as declarations match it: its normalized article URL and title. */
export type DeclaredMatchInput = Pick<SeriesInput, 'title'> & { normalizedUrl?: string };

interface Claim {
  key: string;
  name: string;
  position: number | null;
  ordered: boolean;
}

/** Finds posts by normalized URL first, then by exact normalized title (titles two posts share match neither). */
export class PostMatcher {
  private readonly byUrl = new Map<string, number>();
  private readonly byTitle = new Map<string, number>();

  constructor(posts: readonly DeclaredMatchInput[]) {
    posts.forEach((post, i) => {
      if (post.normalizedUrl && !this.byUrl.has(post.normalizedUrl)) this.byUrl.set(post.normalizedUrl, i);
      const key = titleMatchKey(post.title);
      if (key !== '') this.byTitle.set(key, this.byTitle.has(key) ? -1 : i);
    });
  }

  /** Index of the post an entry names, or undefined. */
  find(entry: DeclaredEntry): number | undefined {
    const byUrl = entry.normalizedUrl === undefined ? undefined : this.byUrl.get(entry.normalizedUrl);
    if (byUrl !== undefined) return byUrl;
    const byTitle = entry.title === undefined ? undefined : this.byTitle.get(titleMatchKey(entry.title));
    return byTitle === undefined || byTitle < 0 ? undefined : byTitle;
  }
}

function claimsOf(posts: readonly DeclaredMatchInput[], declarations: readonly DeclaredSeries[]): { claims: Map<number, Claim>; ordered: Map<string, boolean> } {
  const matcher = new PostMatcher(posts);
  const claims = new Map<number, Claim>();
  const names = new Map<string, string>();
  const ordered = new Map<string, boolean>();
  const trusted = [...declarations].sort((a, b) => TRUST[a.source] - TRUST[b.source]);
  for (const declared of trusted) {
    const key = seriesKey(declared.name);
    if (key === '') continue;
    if (!names.has(key)) names.set(key, declared.name.trim());
    const isOrdered = declared.ordered || declared.entries.some((e) => e.position !== undefined);
    ordered.set(key, (ordered.get(key) ?? false) || isOrdered);
    declared.entries.forEach((entry, index) => {
      const post = matcher.find(entry);
      if (post === undefined || claims.has(post)) return;
      const position = entry.position ?? (declared.ordered ? index + 1 : null);
      claims.set(post, { key, name: names.get(key)!, position, ordered: isOrdered });
    });
  }
  return { claims, ordered };
}

/** Applies the author's declarations to detected assignments (same order as `posts`); pure. */
export function applyDeclaredSeries(
  assignments: readonly SeriesAssignment[],
  posts: readonly DeclaredMatchInput[],
  declarations: readonly DeclaredSeries[],
): SeriesAssignment[] {
  if (declarations.length === 0) return [...assignments];
  const { claims, ordered } = claimsOf(posts, declarations);
  return assignments.map((a, i) => {
    const claim = claims.get(i);
    if (claim) {
      // Membership alone keeps the number the title gives; an ordered declaration's position replaces it.
      const part = claim.position ?? (claim.ordered ? null : a.part);
      return { id: a.id, series: { key: claim.key, name: claim.name }, part };
    }
    if (a.series && ordered.get(a.series.key) === true) return { id: a.id, series: { ...a.series }, part: null };
    return a;
  });
}

/** How many posts a declaration's entries name (a page is a series page when it places two or more). */
export function countDeclaredPosts(posts: readonly DeclaredMatchInput[], declarations: readonly DeclaredSeries[]): number {
  return claimsOf(posts, declarations).claims.size;
}
