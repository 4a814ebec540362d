import type { DeclarationSource, Subscription } from '../db';
import { seriesKey } from '../series/series-key';
import type { ReadingGroup } from './types';

const TRUST: readonly DeclarationSource[] = ['series-page', 'article-page', 'feed', 'api'];

/** Who declared each series of each subscription (the most trusted declaration), keyed `subscriptionId:key`. */
function declaredBy(subscriptions: readonly (Subscription | undefined)[]): Map<string, DeclarationSource> {
  const out = new Map<string, DeclarationSource>();
  for (const subscription of subscriptions) {
    for (const declared of subscription?.declaredSeries ?? []) {
      const id = `${subscription!.id}:${seriesKey(declared.name)}`;
      const known = out.get(id);
      if (known === undefined || TRUST.indexOf(declared.source) < TRUST.indexOf(known)) out.set(id, declared.source);
    }
  }
  return out;
}

/** The groups with the source of each declared series, so the popup can say where a series comes from. */
export function withSeriesOrigins(groups: ReadingGroup[], subscriptions: readonly (Subscription | undefined)[]): ReadingGroup[] {
  const sources = declaredBy(subscriptions);
  if (sources.size === 0) return groups;
  return groups.map((group) => {
    const source = group.seriesKey === undefined ? undefined : sources.get(`${group.subscriptionId}:${group.seriesKey}`);
    return source ? { ...group, declaredBy: source } : group;
  });
}
