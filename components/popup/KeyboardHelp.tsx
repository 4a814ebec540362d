import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/t';

/** The popup's keys, as the help lists them. */
export const KEYS: readonly (readonly [string, MessageKey])[] = [
  ['j / ↓', 'keyNext'],
  ['k / ↑', 'keyPrevious'],
  ['Enter / o', 'keyOpen'],
  ['m', 'keyMark'],
  ['s', 'keyStar'],
  ['i', 'keySummary'],
  ['/', 'searchTitles'],
  ['?', 'keyHelp'],
  ['Esc', 'keyEscape'],
];

/** The list of keyboard shortcuts, opened with `?`; focus moves into it and back out when it closes. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="keyboard-help" role="dialog" aria-modal="true" aria-labelledby="keyboard-help-title">
      <div class="row spread">
        <h2 id="keyboard-help-title">{t('keyboardShortcuts')}</h2>
        <button ref={close} type="button" class="small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key} class="key-row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted hint">{t('commandHint')}</p>
    </div>
  );
}
