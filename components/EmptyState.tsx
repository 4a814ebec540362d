import type { ComponentChildren } from 'preact';

/** A centred message with an optional action, for lists that have nothing to show. */
export function EmptyState(props: { title: string; children?: ComponentChildren; action?: { label: string; onClick: () => void } }) {
  return (
    <div class="empty-state" role="status">
      <p class="empty-title">{props.title}</p>
      {props.children}
      {props.action && (
        <button type="button" class="primary" onClick={props.action.onClick}>
          {props.action.label}
        </button>
      )}
    </div>
  );
}
