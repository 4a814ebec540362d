import type { Subscription } from '@/lib/db';
import { SubscriptionRow, type SubscriptionActions } from './SubscriptionRow';

/** Props of {@link SubscriptionList}. */
export interface SubscriptionListProps extends SubscriptionActions {
  subscriptions: readonly Subscription[];
  counts: ReadonlyMap<number, { unread: number; total: number }>;
  missingOrigins: ReadonlyMap<number, readonly string[]>;
  now: number;
  refreshing: boolean;
  onRefreshAll: () => void;
}

/** Every subscription, with "Refresh all". */
export function SubscriptionList(props: SubscriptionListProps) {
  return (
    <section class="card" aria-labelledby="subscriptions-heading">
      <div class="row spread">
        <h2 id="subscriptions-heading">Subscriptions ({props.subscriptions.length})</h2>
        <button type="button" onClick={props.onRefreshAll} disabled={props.refreshing || props.subscriptions.length === 0}>
          {props.refreshing ? 'Refreshing…' : 'Refresh all'}
        </button>
      </div>
      {props.subscriptions.length === 0 ? (
        <p class="muted">You have no subscriptions yet. Paste a blog's address above, or import an OPML file below.</p>
      ) : (
        <ul class="subscriptions">
          {props.subscriptions.map((subscription) => (
            <SubscriptionRow
              key={subscription.id}
              subscription={subscription}
              counts={props.counts.get(subscription.id)}
              missingOrigins={props.missingOrigins.get(subscription.id) ?? []}
              now={props.now}
              onEdit={props.onEdit}
              onRefresh={props.onRefresh}
              onUnsubscribe={props.onUnsubscribe}
              onAllowOrigins={props.onAllowOrigins}
              onAddSeriesPage={props.onAddSeriesPage}
              onRemoveSeriesPage={props.onRemoveSeriesPage}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
