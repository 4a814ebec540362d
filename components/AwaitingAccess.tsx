import { t, tCount } from '@/lib/i18n/t';
/** A subscription that cannot be fetched until Partwise may access its site. */
export interface AwaitingFeed {
  id: number;
  title: string;
  origin: string;
}

/** Props of {@link AwaitingAccess}. */
export interface AwaitingAccessProps {
  feeds: readonly AwaitingFeed[];
  /** Asks for access to every listed site in one click (the permission request needs the gesture). */
  onGrant: () => void;
}

/** Which feeds wait for access to their sites (e.g. subscribed in another browser), with one button to grant it. */
export function AwaitingAccess({ feeds, onGrant }: AwaitingAccessProps) {
  if (feeds.length === 0) return null;
  const sites = [...new Set(feeds.map((feed) => feed.origin.replace(/^https?:\/\//, '')))];
  return (
    <div class="notice awaiting-access" role="status" data-testid="awaiting-access">
      <p>
        {tCount('awaitingFeeds', feeds.length, t(sites.length === 1 ? 'itsSite' : 'theirSites'), feeds.map((feed) => feed.title).join(', '))}
      </p>
      <button type="button" class="small primary" onClick={onGrant}>
        {t('allowAccessTo', sites.length === 1 ? sites[0]! : tCount('sitesCount', sites.length))}
      </button>
    </div>
  );
}
