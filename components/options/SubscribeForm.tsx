import { useState } from 'preact/hooks';
import type { FeedChoice, PageCandidatePreview, PageOffer } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/t';
import { FeedChooser } from '../FeedChooser';
import { FollowPagePreview } from '../FollowPagePreview';

/** The outcome of a subscribe attempt, as the form shows it. */
export type SubscribeStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; ok: boolean; message: string }
  | { kind: 'choose'; feeds: FeedChoice[] }
  | { kind: 'page'; page: PageOffer };

/** Props of {@link SubscribeForm}. */
export interface SubscribeFormProps {
  status: SubscribeStatus;
  /** Called in the user's gesture, so the caller can ask for host access first. */
  onSubscribe: (url: string) => void;
  onChoose: (feed: FeedChoice) => void;
  onCancelChoice: () => void;
  /** Follow a page without a feed, with the list of posts the user kept in the preview. */
  onFollowPage?: (page: PageOffer, candidate: PageCandidatePreview) => void;
  /** Feed addresses already subscribed, marked in the feed chooser. */
  subscribed?: ReadonlySet<string>;
}

/** "Feed or site URL" + "Subscribe", with the result or the error in plain words next to the field. */
export function SubscribeForm({ status, onSubscribe, onChoose, onCancelChoice, onFollowPage, subscribed }: SubscribeFormProps) {
  const [url, setUrl] = useState('');
  return (
    <section class="card" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t('subscribe')}</h2>
      <form
        class="subscribe-form"
        onSubmit={(event) => {
          event.preventDefault();
          // Empty or not, the caller says what is wrong: the browser's own url check refused `example.com/blog`.
          onSubscribe(url.trim());
        }}
      >
        <label for="subscribe-url">{t('feedOrSiteUrl')}</label>
        <div class="row">
          <input
            id="subscribe-url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder={t('subscribePlaceholder')}
            value={url}
            aria-describedby="subscribe-status"
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={status.kind === 'busy'}>
            {t('subscribe')}
          </button>
        </div>
        <p id="subscribe-status" role="status" class={status.kind === 'done' && !status.ok ? 'error' : 'muted'}>
          {status.kind === 'busy' && t('lookingForFeed')}
          {status.kind === 'done' && status.message}
        </p>
      </form>
      {status.kind === 'page' && onFollowPage && (
        <FollowPagePreview key={status.page.url} page={status.page} onFollow={(candidate) => onFollowPage(status.page, candidate)} onCancel={onCancelChoice} />
      )}
      {status.kind === 'choose' && <FeedChooser feeds={status.feeds} subscribed={subscribed} onChoose={onChoose} onCancel={onCancelChoice} />}
    </section>
  );
}
