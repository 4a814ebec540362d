import { t } from '@/lib/i18n/t';

/** The last marking, with a way to take it back. */
export function UndoBar(props: { message: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="undo-bar" role="status">
      <span>{props.message}</span>
      <button type="button" class="small" onClick={props.onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="icon-button" aria-label={t('dismiss')} onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}
