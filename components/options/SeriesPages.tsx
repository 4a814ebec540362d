import { t } from '@/lib/i18n/t';
import { useState } from 'preact/hooks';
import type { SeriesPageState } from '@/lib/db';

/** Props of {@link SeriesPages}. */
export interface SeriesPagesProps {
  subscriptionId: number;
  feedName: string;
  pages: readonly SeriesPageState[];
  /** Resolves with a sentence for the user (what was added, or why not). */
  onAdd: (url: string) => Promise<string>;
  onRemove: (url: string) => void;
}

/** A subscription's series pages (where the author lists the feed's series in order): shown, added, removed. */
export function SeriesPages(props: SeriesPagesProps) {
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = `series-page-${props.subscriptionId}`;
  const add = (event: Event) => {
    event.preventDefault();
    if (!url.trim()) return;
    setBusy(true);
    props
      .onAdd(url.trim())
      .then((text) => {
        setMessage(text);
        setUrl('');
      })
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };
  return (
    <div class="series-pages">
      {props.pages.length > 0 && (
        <ul class="series-page-list" aria-label={t('seriesPagesOf', props.feedName)}>
          {props.pages.map((page) => (
            <li key={page.url}>
              <span class="muted">{t('seriesPageLabel')} </span>
              <a href={page.url} target="_blank" rel="noopener noreferrer">
                {page.url}
              </a>
              {page.lastError && <span class="muted"> {t('seriesPageLastFailed', page.lastError)}</span>}{' '}
              <button type="button" class="link-button" onClick={() => props.onRemove(page.url)} aria-label={t('removeSeriesPage', page.url)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="series-page-add" onSubmit={add}>
        <label for={inputId}>{t('addSeriesPageLabel')}</label>{' '}
        <input id={inputId} type="url" placeholder="https://…" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />{' '}
        <button type="submit" class="small" disabled={busy}>
          {t('addSeriesPage')}
        </button>
        {message && (
          <span class="muted" role="status">
            {' '}
            {message}
          </span>
        )}
      </form>
    </div>
  );
}
