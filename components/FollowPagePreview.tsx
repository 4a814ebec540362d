import { t, tCount } from '@/lib/i18n/t';
import { useState } from 'preact/hooks';
import type { PageCandidatePreview, PageOffer } from '@/lib/messaging/protocol';

/** Props of {@link FollowPagePreview}. */
export interface FollowPagePreviewProps {
  page: PageOffer;
  busy?: boolean;
  /** Called in the user's gesture, so the caller can ask for host access first. */
  onFollow: (candidate: PageCandidatePreview) => void;
  onCancel: () => void;
}

/**
 * Offers to follow a page that has no feed: what Partwise found on it (the first titles and the
 * count), "Follow this page" to confirm, "Not these posts" for the page's next list, or cancel.
 * Nothing is stored before the user confirms.
 */
export function FollowPagePreview({ page, busy = false, onFollow, onCancel }: FollowPagePreviewProps) {
  const [index, setIndex] = useState(0);
  const candidate = page.candidates[index] ?? page.candidates[0];
  if (!candidate) return null;
  const hasNext = index + 1 < page.candidates.length;
  const more = candidate.count - candidate.titles.length;
  return (
    <div class="follow-page" role="group" aria-label={t('followThisPage')} data-testid="follow-page">
      <p>{t('followPageIntro')}</p>
      <p>
        {t('followPageFoundOn', page.title)} <strong data-testid="follow-page-count">{tCount('postCount', candidate.count)}</strong>
        {page.candidates.length > 1 ? ` ${t('followPageListOf', index + 1, page.candidates.length)}` : ''}:
      </p>
      <ul class="follow-page-titles" data-testid="follow-page-titles">
        {candidate.titles.map((title, i) => (
          <li key={`${index}-${i}`}>{title}</li>
        ))}
      </ul>
      {more > 0 && <p class="muted">{t('andMore', more)}</p>}
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => onFollow(candidate)}>
          {t('followThisPage')}
        </button>
        <button type="button" disabled={busy || !hasNext} onClick={() => setIndex(index + 1)}>
          {t('notThesePosts')}
        </button>
        <button type="button" class="link-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {!hasNext && <p class="muted">{t(page.candidates.length > 1 ? 'followPageLastList' : 'followPageOnlyList')}</p>}
    </div>
  );
}
