import { database } from '../db';
import { t } from '../i18n/t';
import { onTrustedMessage } from './on-trusted-message';
import { afterPostsChange } from './after-change';
import { attachSeriesPage } from './attach-series-page';
import { backgroundDeps } from './background-deps';
import { seriesPageOffers, useSeriesPage } from './series-page-offer';
import { removeSeriesPage } from '../refresh/series-pages';
import { syncSubscriptionChanged } from '../sync/record-local';

// Which series pages a subscription keeps syncs; what they declared does not (each browser reads them).
const SERIES_PAGES_FIELD = ['seriesPages'];

/** Says why a page cannot be a series page, in words for the user. */
export class SeriesPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesPageError';
  }
}

/** Registers the series-page messages (popup offer, options page add/remove); call synchronously from main(). */
export function registerSeriesPageHandlers(): void {
  const db = database;
  onTrustedMessage('seriesPageOffer', ({ data }) => seriesPageOffers(db(), data.url, data.html));

  onTrustedMessage('useSeriesPage', async ({ data }) => {
    const result = await useSeriesPage(db(), data, Date.now(), Math.random());
    if (result.placed === 0) return result;
    await syncSubscriptionChanged(db(), data.subscriptionId, Date.now(), SERIES_PAGES_FIELD);
    await afterPostsChange(db());
    return result;
  });

  onTrustedMessage('addSeriesPage', async ({ data }) => {
    let placed: number;
    try {
      placed = await attachSeriesPage(backgroundDeps(), data.subscriptionId, data.url, 1);
    } catch (error) {
      throw new SeriesPageError(t('seriesPageErrorUnreadable', data.url, error instanceof Error ? error.message : String(error)));
    }
    if (placed === 0) throw new SeriesPageError(t('seriesPageErrorNothingPlaced'));
    await syncSubscriptionChanged(db(), data.subscriptionId, Date.now(), SERIES_PAGES_FIELD);
    await afterPostsChange(db());
    return { placed };
  });

  onTrustedMessage('removeSeriesPage', async ({ data }) => {
    await removeSeriesPage(db(), data.subscriptionId, data.url);
    await syncSubscriptionChanged(db(), data.subscriptionId, Date.now(), SERIES_PAGES_FIELD);
    await afterPostsChange(db());
  });
}
