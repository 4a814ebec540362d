import { t } from '@/lib/i18n/t';
import type { SyncStatus } from '@/lib/sync/sync-store';
import { AwaitingAccess, type AwaitingFeed } from '../AwaitingAccess';
import { formatRelative } from '../format-date';

/** Props of {@link SyncCard}. */
export interface SyncCardProps {
  enabled: boolean;
  status: SyncStatus;
  /** storage.sync's total quota, in bytes. */
  quotaBytes: number;
  /** Subscriptions (e.g. from another browser) that wait for access to their sites. */
  awaiting: readonly AwaitingFeed[];
  now: number;
  onToggle: (enabled: boolean) => void;
  onSyncNow: () => void;
  onGrantAccess: () => void;
}

function quotaLine(status: SyncStatus, quotaBytes: number): string {
  if (status.bytesInUse === undefined) return '';
  const share = (status.bytesInUse / quotaBytes) * 100;
  const percent = share > 0 && share < 1 ? t('underOnePercent') : t('percent', Math.round(share));
  const kb = (bytes: number) => (bytes > 0 && bytes < 1024 ? t('underOneKb') : t('kilobytes', Math.round(bytes / 1024)));
  return ` ${t('syncQuota', kb(status.bytesInUse), kb(quotaBytes), percent)}`;
}

/** The sync switch, when changes last went out and came in, the quota used, and what failed to sync. */
export function SyncCard(props: SyncCardProps) {
  const { status } = props;
  return (
    <section class="card" aria-labelledby="sync-heading" data-testid="sync-card">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <label class="row">
        <input type="checkbox" checked={props.enabled} onChange={(event) => props.onToggle(event.currentTarget.checked)} />
        {t('syncSwitch')}
      </label>
      {props.enabled ? (
        <p class="muted" data-testid="sync-status">
          {status.lastSentAt === undefined ? t('syncNotSent') : t('syncSent', formatRelative(status.lastSentAt, props.now))}
          {` ${status.lastReceivedAt === undefined ? t('syncNotReceived') : t('syncReceived', formatRelative(status.lastReceivedAt, props.now))}`}
          {quotaLine(status, props.quotaBytes)}
          {status.droppedMarks ? ` ${t('syncDroppedMarks', status.droppedMarks.toLocaleString())}` : ''}{' '}
          <button type="button" class="link-button" onClick={props.onSyncNow}>
            {t('syncNow')}
          </button>
        </p>
      ) : (
        <p class="muted">{t('syncOff')}</p>
      )}
      {props.enabled && status.failure && (
        <div class="error" role="alert" data-testid="sync-failure">
          <p>
            {status.failure.message} {t('syncNothingLost')}
          </p>
          {status.failure.unsynced.length > 0 && <p>{t('syncNotYet', status.failure.unsynced.join(', '))}</p>}
        </div>
      )}
      {props.enabled && status.problems?.map((problem) => (
        <p key={problem} class="error">
          {problem}
        </p>
      ))}
      <AwaitingAccess feeds={props.awaiting} onGrant={props.onGrantAccess} />
    </section>
  );
}
