import { t } from '@/lib/i18n/t';
import type { Subscription } from '@/lib/db';
import { sendMessage } from '@/lib/messaging/protocol';
import { requestOrigins } from '@/lib/permissions/request-origins';

/** Adds a series page: access to its site first (in the click), then the background reads and keeps it. */
export async function addSeriesPage(subscription: Subscription, url: string): Promise<string> {
  if (!(await requestOrigins([url]))) return t('seriesPageNeedsAccess');
  const { placed } = await sendMessage('addSeriesPage', { subscriptionId: subscription.id, url });
  return t('seriesPageAdded', placed);
}

/** Removes a series page and what it declared. */
export function removeSeriesPage(subscription: Subscription, url: string): Promise<void> {
  return sendMessage('removeSeriesPage', { subscriptionId: subscription.id, url });
}
