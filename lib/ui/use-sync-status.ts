import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSyncEnabled, readStatus, SYNC_KEYS, type SyncStatus } from '@/lib/sync/sync-store';

/** Whether sync is on and its status, kept live from storage.local (the background writes them). */
export function useSyncStatus(): { enabled: boolean; status: SyncStatus } | undefined {
  const [state, setState] = useState<{ enabled: boolean; status: SyncStatus } | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void Promise.all([isSyncEnabled(), readStatus()])
        .then(([enabled, status]) => !cancelled && setState({ enabled, status }))
        .catch((error: unknown) => console.error('Partwise: could not read the sync status', error));
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SYNC_KEYS.status in changes || SYNC_KEYS.enabled in changes)) load();
    };
    load();
    browser.storage.onChanged.addListener(changed);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(changed);
    };
  }, []);
  return state;
}
