import { t } from '@/lib/i18n/t';
import type { FailingFeed } from '@/lib/reading-list/types';

/** One line per failing subscription, with its error in plain words. */
export function StatusLines({ feeds }: { feeds: readonly FailingFeed[] }) {
  if (feeds.length === 0) return null;
  return (
    <ul class="status-lines" aria-label={t('feedsWithProblems')}>
      {feeds.map((feed) => (
        <li key={feed.id} class={feed.gone ? 'gone' : 'error'}>
          <strong>{feed.title}</strong>: {feed.message}
        </li>
      ))}
    </ul>
  );
}
