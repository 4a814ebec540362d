import { subscriptionTitle, type Subscription } from '../db';
import type { FailingFeed } from './types';

/** The subscriptions whose last check failed or that are gone, each with its error in plain words. */
export function failingFeeds(subscriptions: readonly Subscription[]): FailingFeed[] {
  return subscriptions
    .filter((s) => s.status === 'error' || s.status === 'gone')
    .map((s) => ({ id: s.id, title: subscriptionTitle(s), message: s.lastError ?? 'The last check failed.', gone: s.status === 'gone' }));
}
