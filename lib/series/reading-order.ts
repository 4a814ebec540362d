/** Reading order of the posts of one series. */

function time(published: string | undefined): number {
  const t = published === undefined ? NaN : Date.parse(published);
  // Undated posts read last.
  return Number.isNaN(t) ? Infinity : t;
}

/**
 * Posts of one series in reading order: numbered posts by part (ties by date); unnumbered posts by date,
 * each placed before the first numbered post published after it. Stable and pure (returns a new array).
 */
export function readingOrder<T extends { part: number | null; published?: string }>(posts: T[]): T[] {
  const indexed = posts.map((post, index) => ({ post, index, at: time(post.published) }));
  const byDate = (a: (typeof indexed)[number], b: (typeof indexed)[number]): number =>
    a.at === b.at ? a.index - b.index : a.at < b.at ? -1 : 1;
  const numbered = indexed.filter((e) => e.post.part !== null).sort((a, b) => (a.post.part ?? 0) - (b.post.part ?? 0) || byDate(a, b));
  const unnumbered = indexed.filter((e) => e.post.part === null).sort(byDate);
  const out: T[] = [];
  let u = 0;
  for (const n of numbered) {
    while (u < unnumbered.length && (unnumbered[u]?.at ?? Infinity) < n.at) out.push((unnumbered[u++] as (typeof indexed)[number]).post);
    out.push(n.post);
  }
  while (u < unnumbered.length) out.push((unnumbered[u++] as (typeof indexed)[number]).post);
  return out;
}
