import { subscriptionTitle, type Subscription } from '../db';
import { t } from '../i18n/t';
import type { FailingFeed } from './types';

/** The subscriptions whose last check failed or that are gone, each with its error in plain words. */
export function failingFeeds(subscriptions: readonly Subscription[]): FailingFeed[] {
  return subscriptions
    .filter((s) => s.status === 'error' || s.status === 'gone')
    .map((s) => ({ id: s.id, title: subscriptionTitle(s), message: s.lastError ?? t('lastCheckFailed'), gone: s.status === 'gone' }));
}
