import { t, tCount } from '@/lib/i18n/t';
import type { SeriesPageOffer as Offer } from '@/lib/messaging/protocol';

/** Offers to keep the active page as a subscription's series page, when it lists that feed's posts in series. */
export function SeriesPageOffer(props: { offers: readonly Offer[]; onUse: (offer: Offer) => void }) {
  if (props.offers.length === 0) return null;
  return (
    <div class="series-page-offer" role="group" aria-label={t('seriesOnThisPage')}>
      {props.offers.map((offer) => (
        <p key={offer.subscriptionId} class="notice">
          {tCount('seriesPageOfferText', offer.series, offer.placed, offer.title)}{' '}
          <button type="button" class="small" onClick={() => props.onUse(offer)}>
            {t('useThisPagesSeries')}
          </button>
        </p>
      ))}
    </div>
  );
}
