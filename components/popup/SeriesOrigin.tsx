import { t, type MessageKey } from '@/lib/i18n/t';
import type { DeclarationSource } from '@/lib/db/types';

const WORDS: Record<DeclarationSource, MessageKey> = {
  'series-page': 'originSeriesPage',
  'article-page': 'originArticlePage',
  feed: 'originFeed',
  api: 'originApi',
};

/** Where a series comes from, when its author declared it ("from the author’s series page"). */
export function SeriesOrigin(props: { source: DeclarationSource | undefined }) {
  if (props.source === undefined) return null;
  return <span class="series-origin"> · {t(WORDS[props.source])}</span>;
}
