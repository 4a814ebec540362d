import { useEffect, useState } from 'preact/hooks';
import type { Subscription } from '@/lib/db';
import { grantedOriginTest } from '@/lib/permissions/granted-origins';

/** Per subscription, the origins its posts live on that Partwise may not access yet. */
export function useMissingOrigins(subscriptions: readonly Subscription[]): Map<number, string[]> {
  const [missing, setMissing] = useState(new Map<number, string[]>());
  useEffect(() => {
    let cancelled = false;
    grantedOriginTest()
      .then((granted) => {
        const result = new Map<number, string[]>();
        for (const subscription of subscriptions) {
          const absent = (subscription.postOrigins ?? []).filter((origin) => !granted(origin));
          if (absent.length > 0) result.set(subscription.id, absent);
        }
        if (!cancelled) setMissing(result);
      })
      .catch((error: unknown) => console.error('Partwise: could not check site access', error));
    return () => {
      cancelled = true;
    };
  }, [subscriptions]);
  return missing;
}
