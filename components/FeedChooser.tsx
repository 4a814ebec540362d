import { t } from '@/lib/i18n/t';
import type { FeedChoice } from '@/lib/messaging/protocol';

const TYPE_NAMES: Record<FeedChoice['type'], string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed', unknown: 'Feed' };

/** Lets the user pick one of several feeds a site offers. */
export function FeedChooser(props: {
  feeds: readonly FeedChoice[];
  /** Feed addresses already subscribed: marked, and not offered again. */
  subscribed?: ReadonlySet<string>;
  onChoose: (feed: FeedChoice) => void;
  onCancel: () => void;
}) {
  return (
    <div class="feed-chooser" role="group" aria-label={t('chooseFeed')}>
      <p>{t('severalFeeds')}</p>
      <ul>
        {props.feeds.map((feed) => (
          <li key={feed.url}>
            {props.subscribed?.has(feed.url) ? (
              <span class="subscribed-mark">{t('alreadySubscribed', feed.title ?? feed.url)}</span>
            ) : (
              <button type="button" class="small" onClick={() => props.onChoose(feed)}>
                {t('subscribeTo', feed.title ?? feed.url)}
              </button>
            )}{' '}
            <span class="muted">
              {TYPE_NAMES[feed.type]} · {feed.url}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" class="link-button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
