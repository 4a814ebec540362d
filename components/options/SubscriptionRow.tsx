import { useState } from 'preact/hooks';
import type { Subscription } from '@/lib/db';
import type { SubscriptionEdit } from '@/lib/messaging/protocol';
import { folderName } from '@/lib/folders/folders';
import { formatRelative } from '../format-date';

/** The per-subscription actions of the options page. */
export interface SubscriptionActions {
  onEdit: (subscription: Subscription, edit: SubscriptionEdit) => void;
  onRefresh: (subscription: Subscription) => void;
  onUnsubscribe: (subscription: Subscription, keepPosts: boolean) => void;
  /** Ask for access to sites the feed's posts live on, so visits there mark posts read. */
  onAllowOrigins: (origins: string[]) => void;
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

function statusText(s: Subscription): { label: string; tone: 'ok' | 'error' | 'gone' | 'new' } {
  if (s.status === 'gone') return { label: s.lastError ?? 'Gone', tone: 'gone' };
  if (s.status === 'error') return { label: `${s.lastError ?? 'The last check failed.'} (${s.errorStreak} failed check${s.errorStreak === 1 ? '' : 's'} in a row)`, tone: 'error' };
  if (s.status === 'new') return { label: 'Waiting for the first check', tone: 'new' };
  return { label: 'OK', tone: 'ok' };
}

function hostOf(origin: string): string {
  return origin.replace(/^https?:\/\//, '');
}

/** One subscription on one line (title, counts, status); its details, schedule and switches on request. */
export function SubscriptionRow(props: SubscriptionRowProps) {
  const { subscription: s, counts } = props;
  const [open, setOpen] = useState(false);
  const status = statusText(s);
  const name = s.customTitle ?? s.title;
  return (
    <li class={`subscription ${status.tone}`} data-subscription-id={s.id}>
      <div class="sub-line">
        <button type="button" class="sub-toggle" aria-expanded={open} aria-controls={`sub-${s.id}`} onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span class="sub-name">{name}</span>
        </button>
        <span class="muted counts">{counts ? `${counts.unread} unread of ${counts.total}` : ''}</span>
        <p class={`sub-status ${status.tone}`} role={status.tone === 'error' || status.tone === 'gone' ? 'alert' : undefined}>
          <span class="visually-hidden">Status: </span>
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
          Title of {name}
        </label>
        <input
          id={`title-${s.id}`}
          class="sub-title"
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          onBlur={() => title.trim() !== name && props.onEdit(s, { customTitle: title.trim() === s.title ? null : title.trim() || null })}
        />
        <label class="folder-field">
          Folder{' '}
          <input
            list="folder-names"
            value={folder}
            placeholder="No folder"
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
              Site
            </a>
          </>
        )}
      </div>
      <p class="muted sub-times">
        Last check: {formatRelative(s.lastCheckAt, now)} · Last success: {formatRelative(s.lastSuccessAt, now)} ·{' '}
        {s.status === 'gone' ? 'No more checks' : `Next check: ${formatRelative(s.nextCheckAt, now)}`}
      </p>
      <div class="sub-controls">
        <label>
          Refresh every{' '}
          <select
            value={s.refreshMinutes === undefined ? '' : String(s.refreshMinutes)}
            onChange={(event) => props.onEdit(s, { refreshMinutes: event.currentTarget.value === '' ? null : Number(event.currentTarget.value) })}
          >
            <option value="">default</option>
            {INTERVALS.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes < 60 ? `${minutes} min` : `${minutes / 60} h`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={s.notify} onChange={(event) => props.onEdit(s, { notify: event.currentTarget.checked })} /> Notifications
        </label>
        <label>
          <input type="checkbox" checked={s.markOnVisit} onChange={(event) => props.onEdit(s, { markOnVisit: event.currentTarget.checked })} /> Mark read on visit
        </label>
        <button type="button" class="small" onClick={() => props.onRefresh(s)} disabled={s.status === 'gone'} aria-label={`Refresh now: ${name}`}>
          Refresh now
        </button>
        {!confirming && (
          <button type="button" class="small danger" onClick={() => setConfirming(true)} aria-label={`Unsubscribe: ${name}`}>
            Unsubscribe
          </button>
        )}
      </div>
      {props.missingOrigins.length > 0 && (
        <p class="origins">
          Posts of this feed live on {props.missingOrigins.map(hostOf).join(', ')}.{' '}
          <button type="button" class="small" onClick={() => props.onAllowOrigins([...props.missingOrigins])}>
            Allow marking read there
          </button>
        </p>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={`Unsubscribe from ${name}`}>
          <span>Unsubscribe from {name}?</span>
          <button type="button" class="small" onClick={() => props.onUnsubscribe(s, true)}>
            Unsubscribe, keep its posts
          </button>
          <button type="button" class="small danger" onClick={() => props.onUnsubscribe(s, false)}>
            Unsubscribe and delete its posts
          </button>
          <button type="button" class="link-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
