import { useEffect, useRef } from 'preact/hooks';

/** The popup's keys, as the help lists them. */
export const KEYS: readonly (readonly [string, string])[] = [
  ['j / ↓', 'Next post'],
  ['k / ↑', 'Previous post'],
  ['Enter / o', 'Open the post (Shift: in the background)'],
  ['m', 'Mark read or unread'],
  ['s', 'Star to read later, or remove the star'],
  ['i', 'Show or hide the summary'],
  ['/', 'Search titles'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Close this help, leave the search'],
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
        <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
        <button ref={close} type="button" class="small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key} class="key-row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p class="muted hint">Open Partwise from anywhere with Alt+Shift+P (change it at chrome://extensions/shortcuts).</p>
    </div>
  );
}
