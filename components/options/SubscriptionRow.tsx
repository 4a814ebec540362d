import { useState } from 'preact/hooks';
import type { Subscription } from '@/lib/db';
import type { SubscriptionEdit } from '@/lib/messaging/protocol';
import { folderName } from '@/lib/folders/folders';
import { t, tCount } from '@/lib/i18n/t';
import { formatClockTime, formatRelative } from '../format-date';
import { SeriesPages } from './SeriesPages';

/** The per-subscription actions of the options page. */
export interface SubscriptionActions {
  onEdit: (subscription: Subscription, edit: SubscriptionEdit) => void;
  onRefresh: (subscription: Subscription) => void;
  onUnsubscribe: (subscription: Subscription, keepPosts: boolean) => void;
  /** Ask for access to sites the feed's posts live on, so visits there mark posts read. */
  onAllowOrigins: (origins: string[]) => void;
  /** Add a series page by address; resolves with a sentence for the user. */
  onAddSeriesPage?: (subscription: Subscription, url: string) => Promise<string>;
  onRemoveSeriesPage?: (subscription: Subscription, url: string) => void;
}

/** Props of {@link SubscriptionRow}. */
export interface SubscriptionRowProps extends SubscriptionActions {
  subscription: Subscription;
  counts: { unread: number; total: number } | undefined;
  /** Post origins Partwise may not access yet. */
  missingOrigins: readonly string[];
  now: number;
}

const INTERVALS = [15, 30, 60, 120, 360, 720, 1440];

function statusText(s: Subscription, now: number): { label: string; tone: 'ok' | 'error' | 'gone' | 'new' } {
  if (s.status === 'gone') return { label: s.lastError ?? t('statusGone'), tone: 'gone' };
  if (s.status === 'error') {
    // A site that asked us to wait is named on the row itself: "Refresh all" skips it until then.
    const waiting = s.retryAfterUntil !== undefined && s.retryAfterUntil > now ? ` · ${nextCheckText(s, now)}` : '';
    return { label: `${s.lastError ?? t('lastCheckFailed')} (${tCount('failedChecks', s.errorStreak)})${waiting}`, tone: 'error' };
  }
  if (s.status === 'new') return { label: t('statusNew'), tone: 'new' };
  return { label: t('statusOk'), tone: 'ok' };
}

/** The next check, or the time the site asked us (Retry-After) to wait until: manual refreshes honour it too. */
function nextCheckText(s: Subscription, now: number): string {
  if (s.retryAfterUntil !== undefined && s.retryAfterUntil > now) return t('siteAskedToWait', formatClockTime(s.retryAfterUntil, now));
  return t('nextCheck', formatRelative(s.nextCheckAt, now));
}

function hostOf(origin: string): string {
  return origin.replace(/^https?:\/\//, '');
}

/** One subscription on one line (title, counts, status); its details, schedule and switches on request. */
export function SubscriptionRow(props: SubscriptionRowProps) {
  const { subscription: s, counts } = props;
  const [open, setOpen] = useState(false);
  const status = statusText(s, props.now);
  const name = s.customTitle ?? s.title;
  return (
    <li class={`subscription ${status.tone}`} data-subscription-id={s.id}>
      <div class="sub-line">
        <button type="button" class="sub-toggle" aria-expanded={open} aria-controls={`sub-${s.id}`} onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span class="sub-name">{name}</span>
        </button>
        <span class="muted counts">{counts ? t('unreadOf', counts.unread, counts.total) : ''}</span>
        <p class={`sub-status ${status.tone}`} role={status.tone === 'error' || status.tone === 'gone' ? 'alert' : undefined}>
          <span class="visually-hidden">{t('statusLabel')} </span>
          {status.label}
        </p>
      </div>
      {open && <SubscriptionDetails {...props} />}
    </li>
  );
}

/** What a subscription row shows once opened: title, folder, addresses, checks and switches. */
function SubscriptionDetails(props: SubscriptionRowProps) {
  const { subscription: s, now } = props;
  const [title, setTitle] = useState(s.customTitle ?? s.title);
  const [folder, setFolder] = useState(folderName(s.tags));
  const [confirming, setConfirming] = useState(false);
  const name = s.customTitle ?? s.title;
  return (
    <div class="sub-details" id={`sub-${s.id}`}>
      <div class="sub-head">
        <label class="visually-hidden" for={`title-${s.id}`}>
          {t('titleOf', name)}
        </label>
        <input
          id={`title-${s.id}`}
          class="sub-title"
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          onBlur={() => title.trim() !== name && props.onEdit(s, { customTitle: title.trim() === s.title ? null : title.trim() || null })}
        />
        <label class="folder-field">
          {t('folder')}{' '}
          <input
            list="folder-names"
            value={folder}
            placeholder={t('noFolder')}
            onInput={(event) => setFolder(event.currentTarget.value)}
            onChange={() => folder.trim() !== folderName(s.tags) && props.onEdit(s, { folder: folder.trim() || null })}
          />
        </label>
      </div>
      <div class="sub-links muted">
        <span class="feed-url">{s.feedUrl}</span>
        {s.siteUrl && /^https?:/.test(s.siteUrl) && (
          <>
            {' · '}
            <a href={s.siteUrl} target="_blank" rel="noopener noreferrer">
              {t('site')}
            </a>
          </>
        )}
      </div>
      <p class="muted sub-times">
        {t('lastCheck', formatRelative(s.lastCheckAt, now))} · {t('lastSuccess', formatRelative(s.lastSuccessAt, now))} ·{' '}
        {s.status === 'gone' ? t('noMoreChecks') : nextCheckText(s, now)}
      </p>
      <div class="sub-controls">
        <label>
          {t('refreshEvery')}{' '}
          <select
            value={s.refreshMinutes === undefined ? '' : String(s.refreshMinutes)}
            onChange={(event) => props.onEdit(s, { refreshMinutes: event.currentTarget.value === '' ? null : Number(event.currentTarget.value) })}
          >
            <option value="">{t('defaultInterval')}</option>
            {INTERVALS.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes < 60 ? t('minutesShort', minutes) : t('hoursShort', minutes / 60)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={s.notify} onChange={(event) => props.onEdit(s, { notify: event.currentTarget.checked })} /> {t('notifications')}
        </label>
        <label>
          <input type="checkbox" checked={s.markOnVisit} onChange={(event) => props.onEdit(s, { markOnVisit: event.currentTarget.checked })} /> {t('markReadOnVisit')}
        </label>
        <button type="button" class="small" onClick={() => props.onRefresh(s)} disabled={s.status === 'gone'} aria-label={t('refreshNowOf', name)}>
          {t('refreshNow')}
        </button>
        {!confirming && (
          <button type="button" class="small danger" onClick={() => setConfirming(true)} aria-label={t('unsubscribeOf', name)}>
            {t('unsubscribe')}
          </button>
        )}
      </div>
      {props.missingOrigins.length > 0 && (
        <p class="origins">
          {t('postsLiveOn', props.missingOrigins.map(hostOf).join(', '))}{' '}
          <button type="button" class="small" onClick={() => props.onAllowOrigins([...props.missingOrigins])}>
            {t('allowMarking')}
          </button>
        </p>
      )}
      {props.onAddSeriesPage && props.onRemoveSeriesPage && (
        <SeriesPages
          subscriptionId={s.id}
          feedName={name}
          pages={s.seriesPages ?? []}
          onAdd={(url) => props.onAddSeriesPage!(s, url)}
          onRemove={(url) => props.onRemoveSeriesPage!(s, url)}
        />
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={t('unsubscribeFrom', name)}>
          <span>{t('unsubscribeFromQuestion', name)}</span>
          <button type="button" class="small" onClick={() => props.onUnsubscribe(s, true)}>
            {t('unsubscribeKeep')}
          </button>
          <button type="button" class="small danger" onClick={() => props.onUnsubscribe(s, false)}>
            {t('unsubscribeDelete')}
          </button>
          <button type="button" class="link-button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
