import type { SeriesPageOffer as Offer } from '@/lib/messaging/protocol';

/** Offers to keep the active page as a subscription's series page, when it lists that feed's posts in series. */
export function SeriesPageOffer(props: { offers: readonly Offer[]; onUse: (offer: Offer) => void }) {
  if (props.offers.length === 0) return null;
  return (
    <div class="series-page-offer" role="group" aria-label="Series on this page">
      {props.offers.map((offer) => (
        <p key={offer.subscriptionId} class="notice">
          This page lists {offer.placed} posts of {offer.title} in {offer.series === 1 ? 'a series' : `${offer.series} series`}.{' '}
          <button type="button" class="small" onClick={() => props.onUse(offer)}>
            Use this page’s series
          </button>
        </p>
      ))}
    </div>
  );
}
