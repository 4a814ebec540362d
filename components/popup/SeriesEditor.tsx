import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadingGroup, SeriesChoice } from '@/lib/reading-list/types';

/** A user's correction of a group, turned into a stored override by the caller. */
export type SeriesEdit =
  | { kind: 'rename'; name: string }
  | { kind: 'merge'; intoKey: string }
  | { kind: 'not-series' }
  | { kind: 'move'; postId: number; seriesKey: string | null };

/** Props of {@link SeriesEditor}. */
export interface SeriesEditorProps {
  group: ReadingGroup;
  siblings: readonly SeriesChoice[];
  onEdit: (edit: SeriesEdit) => void;
}

/** "Edit" disclosure of a group: rename, merge, "not a series", and moving posts in or out. */
export function SeriesEditor({ group, siblings, onEdit }: SeriesEditorProps) {
  const [name, setName] = useState(group.name);
  const [mergeInto, setMergeInto] = useState('');
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const node = details.current;
    if (!node) return undefined;
    const onToggle = () => setOpen(node.open);
    node.addEventListener('toggle', onToggle);
    return () => node.removeEventListener('toggle', onToggle);
  }, []);
  const others = siblings.filter((sibling) => sibling.key !== group.seriesKey);
  const isSeries = group.kind === 'series';
  if (!isSeries && others.length === 0) return null;
  return (
    <details class="series-editor" ref={details}>
      <summary aria-label={`Edit ${isSeries ? 'series' : 'group'}: ${group.name}`}>Edit</summary>
      {/* Built only when opened: a popup of many groups should not carry every group's editor. */}
      {open && <div class="editor-panel">
        {isSeries && (
          <form
            class="row"
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) onEdit({ kind: 'rename', name: name.trim() });
            }}
          >
            <label>
              <span class="visually-hidden">Series name</span>
              <input value={name} onInput={(event) => setName(event.currentTarget.value)} aria-label="Series name" />
            </label>
            <button type="submit" class="small">Rename</button>
          </form>
        )}
        {isSeries && others.length > 0 && (
          <form
            class="row"
            onSubmit={(event) => {
              event.preventDefault();
              if (mergeInto) onEdit({ kind: 'merge', intoKey: mergeInto });
            }}
          >
            <select aria-label="Merge into series" value={mergeInto} onChange={(event) => setMergeInto(event.currentTarget.value)}>
              <option value="">Merge into…</option>
              {others.map((sibling) => (
                <option key={sibling.key} value={sibling.key}>
                  {sibling.name}
                </option>
              ))}
            </select>
            <button type="submit" class="small" disabled={!mergeInto}>Merge</button>
          </form>
        )}
        {isSeries && (
          <button type="button" class="small" onClick={() => onEdit({ kind: 'not-series' })}>
            Not a series
          </button>
        )}
        <ul class="move-list">
          {group.posts.map((post) => (
            <li key={post.id}>
              <span class="move-title">{post.title}</span>
              <MoveSelect
                label={`Move “${post.title}” to`}
                current={group.seriesKey ?? null}
                options={others}
                onMove={(seriesKey) => onEdit({ kind: 'move', postId: post.id, seriesKey })}
              />
            </li>
          ))}
        </ul>
      </div>}
    </details>
  );
}

function MoveSelect(props: {
  label: string;
  current: string | null;
  options: readonly SeriesChoice[];
  onMove: (seriesKey: string | null) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value=""
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (value === '') return;
        props.onMove(value === '\u0000none' ? null : value);
      }}
    >
      <option value="">Move to…</option>
      {props.current !== null && <option value={'\u0000none'}>No series</option>}
      {props.options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.name}
        </option>
      ))}
    </select>
  );
}
