import type { ImportReport } from '@/lib/messaging/protocol';
import { t, tCount } from '@/lib/i18n/t';

/** What the import/export card shows after an action. */
export type TransferStatus = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; ok: boolean; message: string; report?: ImportReport };

/** Props of {@link ImportExport}. */
export interface ImportExportProps {
  status: TransferStatus;
  /** An OPML file was read and awaits confirmation (so host access is asked in the confirming click). */
  pendingOpml: { name: string; feedCount: number } | undefined;
  onOpmlFile: (file: File) => void;
  onConfirmOpml: () => void;
  onCancelOpml: () => void;
  onExportOpml: () => void;
  onExportBackup: () => void;
  onBackupFile: (file: File) => void;
  /** A backup was read and awaits confirmation (so host access to its feeds is asked in the confirming click). */
  pendingBackup?: { name: string; subscriptionCount: number };
  onConfirmBackup?: () => void;
  onCancelBackup?: () => void;
}

/** OPML import/export and the JSON backup. */
export function ImportExport(props: ImportExportProps) {
  const { status } = props;
  return (
    <section class="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('importExport')}</h2>
      <div class="row wrap">
        <label class="file-button">
          {t('importOpml')}
          <input
            type="file"
            accept=".opml,.xml,text/x-opml,text/xml,application/xml"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) props.onOpmlFile(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
        <button type="button" onClick={props.onExportOpml}>
          {t('exportOpml')}
        </button>
        <button type="button" onClick={props.onExportBackup}>
          {t('exportBackup')}
        </button>
        <label class="file-button">
          {t('importBackup')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) props.onBackupFile(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {props.pendingOpml && props.pendingOpml.feedCount === 0 && (
        <div class="confirm" role="alert">
          <span>{t('opmlEmpty', props.pendingOpml.name)}</span>
          <button type="button" class="link-button" onClick={props.onCancelOpml}>
            {t('close')}
          </button>
        </div>
      )}
      {props.pendingOpml && props.pendingOpml.feedCount > 0 && (
        <div class="confirm" role="group" aria-label={t('confirmOpml')}>
          <span>
            {tCount('opmlLists', props.pendingOpml.feedCount, props.pendingOpml.name)}
          </span>
          <button type="button" class="primary small" onClick={props.onConfirmOpml}>
            {tCount('importFeeds', props.pendingOpml.feedCount)}
          </button>
          <button type="button" class="link-button" onClick={props.onCancelOpml}>
            {t('cancel')}
          </button>
        </div>
      )}
      {props.pendingBackup && (
        <div class="confirm" role="group" aria-label={t('confirmBackupRestore')}>
          <span>
            {tCount('backupHolds', props.pendingBackup.subscriptionCount, props.pendingBackup.name)}
          </span>
          <button type="button" class="primary small" onClick={props.onConfirmBackup}>
            {t('restoreTheBackup')}
          </button>
          <button type="button" class="link-button" onClick={props.onCancelBackup}>
            {t('cancel')}
          </button>
        </div>
      )}
      <div role="status" class={status.kind === 'done' && !status.ok ? 'error' : 'muted'} id="transfer-status">
        {status.kind === 'busy' && status.message}
        {status.kind === 'done' && <p>{status.message}</p>}
        {status.kind === 'done' && status.report && status.report.problems.length > 0 && (
          <details>
            <summary>{tCount('entriesSkipped', status.report.problems.length)}</summary>
            <ul>
              {status.report.problems.slice(0, 200).map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
