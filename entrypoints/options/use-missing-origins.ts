import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Subscription } from '@/lib/db';
import { originPatterns } from '@/lib/permissions/request-origins';

/** Per subscription, the origins its posts live on that Partwise may not access yet. */
export function useMissingOrigins(subscriptions: readonly Subscription[]): Map<number, string[]> {
  const [missing, setMissing] = useState(new Map<number, string[]>());
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const result = new Map<number, string[]>();
      for (const subscription of subscriptions) {
        const absent: string[] = [];
        for (const origin of subscription.postOrigins ?? []) {
          if (!(await browser.permissions.contains({ origins: originPatterns([origin]) }))) absent.push(origin);
        }
        if (absent.length > 0) result.set(subscription.id, absent);
      }
      if (!cancelled) setMissing(result);
    })().catch((error: unknown) => console.error('Partwise: could not check site access', error));
    return () => {
      cancelled = true;
    };
  }, [subscriptions]);
  return missing;
}
