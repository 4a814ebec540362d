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
  const percent = share > 0 && share < 1 ? 'under 1%' : `${Math.round(share)}%`;
  const kb = (bytes: number) => (bytes > 0 && bytes < 1024 ? 'under 1 KB' : `${Math.round(bytes / 1024)} KB`);
  return ` It uses ${kb(status.bytesInUse)} of the ${kb(quotaBytes)} your browser allows (${percent}).`;
}

/** The sync switch, when changes last went out and came in, the quota used, and what failed to sync. */
export function SyncCard(props: SyncCardProps) {
  const { status } = props;
  return (
    <section class="card" aria-labelledby="sync-heading" data-testid="sync-card">
      <h2 id="sync-heading">Sync</h2>
      <label class="row">
        <input type="checkbox" checked={props.enabled} onChange={(event) => props.onToggle(event.currentTarget.checked)} />
        Sync subscriptions and read state with your browser account
      </label>
      {props.enabled ? (
        <p class="muted" data-testid="sync-status">
          {status.lastSentAt === undefined ? 'This browser has not sent changes yet' : `This browser last sent changes ${formatRelative(status.lastSentAt, props.now)}`}
          {status.lastReceivedAt === undefined ? ' and has not received any from your other browsers yet.' : ` and last received changes ${formatRelative(status.lastReceivedAt, props.now)}.`}
          {quotaLine(status, props.quotaBytes)}
          {status.droppedMarks ? ` The ${status.droppedMarks.toLocaleString()} oldest read marks are not synced for lack of room; they stay read here.` : ''}{' '}
          <button type="button" class="link-button" onClick={props.onSyncNow}>
            Sync now
          </button>
        </p>
      ) : (
        <p class="muted">Sync is off: this browser neither sends nor receives changes. Nothing here was deleted.</p>
      )}
      {props.enabled && status.failure && (
        <div class="error" role="alert" data-testid="sync-failure">
          <p>{status.failure.message} Nothing was lost: these changes are kept here and sent again later.</p>
          {status.failure.unsynced.length > 0 && <p>Not synced yet: {status.failure.unsynced.join(', ')}.</p>}
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
