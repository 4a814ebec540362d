import type { DeclarationSource } from '@/lib/db/types';

const WORDS: Record<DeclarationSource, string> = {
  'series-page': 'from the author’s series page',
  'article-page': 'from the author’s article page',
  feed: 'from the author’s feed',
  api: 'from the blog platform',
};

/** Where a series comes from, when its author declared it ("from the author’s series page"). */
export function SeriesOrigin(props: { source: DeclarationSource | undefined }) {
  if (props.source === undefined) return null;
  return <span class="series-origin"> · {WORDS[props.source]}</span>;
}
