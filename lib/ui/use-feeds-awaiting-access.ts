import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import type { AwaitingFeed } from '@/components/AwaitingAccess';
import { subscriptionTitle, type Subscription } from '@/lib/db';
import { grantedOriginTest } from '@/lib/permissions/granted-origins';
import { webOrigin } from '@/lib/urls/web-origin';
import { sendMessage } from '@/lib/messaging/protocol';

/** Followed subscriptions whose feed's site Partwise may not access (yet), re-checked when access changes. */
export function useFeedsAwaitingAccess(subscriptions: readonly Subscription[] | undefined): AwaitingFeed[] {
  const [waiting, setWaiting] = useState<AwaitingFeed[]>([]);
  const [grants, setGrants] = useState(0);
  useEffect(() => {
    const changed = () => setGrants((n) => n + 1);
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);
  useEffect(() => {
    let cancelled = false;
    grantedOriginTest()
      .then((granted) => {
        const result: AwaitingFeed[] = [];
        for (const subscription of subscriptions ?? []) {
          const origin = webOrigin(subscription.feedUrl);
          if (origin && !granted(origin)) result.push({ id: subscription.id, origin, title: subscriptionTitle(subscription) || origin.replace(/^https?:\/\//, '') });
        }
        if (!cancelled) setWaiting(result);
      })
      .catch((error: unknown) => console.error('Partwise: could not check site access', error));
    return () => {
      cancelled = true;
    };
  }, [subscriptions, grants]);
  return waiting;
}

/**
 * Asks for access to the waiting feeds' sites (call it first thing in the click: Firefox needs the
 * gesture), then fetches them and re-registers the visit script for the new sites.
 */
export async function grantAndFetch(feeds: readonly AwaitingFeed[]): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [...new Set(feeds.map((feed) => `${feed.origin}/*`))] });
  if (!granted) return false;
  for (const feed of feeds) await sendMessage('refreshNow', { subscriptionId: feed.id });
  await sendMessage('syncContentScripts');
  return true;
}
