import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ReadingGroup, SeriesChoice } from '@/lib/reading-list/types';

/** A user's correction of a group, turned into a stored override by the caller. */
export type SeriesEdit =
  | { kind: 'rename'; name: string }
  | { kind: 'merge'; intoKey: string }
  | { kind: 'not-series' }
  | { kind: 'move'; postId: number; seriesKey: string | null }
  | { kind: 'new-series'; name: string; postIds: number[] };

/** Props of {@link SeriesEditor}. */
export interface SeriesEditorProps {
  group: ReadingGroup;
  /** Other series of the same subscription (empty until they have loaded: the panel works without them). */
  siblings: readonly SeriesChoice[];
  /** The id of the panel, for the "Edit" button's aria-controls. */
  id: string;
  onEdit: (edit: SeriesEdit) => void;
}

/**
 * The edit panel of a group, shown in the flow of the list under the group's header (so it always
 * stays inside the popup): rename, merge, "not a series" and moving parts for a series; starting a
 * series or moving posts into one for a feed's standalone posts.
 */
export function SeriesEditor({ group, siblings, id, onEdit }: SeriesEditorProps) {
  const others = siblings.filter((sibling) => sibling.key !== group.seriesKey);
  const isSeries = group.kind === 'series';
  return (
    <div class="editor-panel" id={id} role="group" aria-label={isSeries ? t('editSeriesOf', group.name) : t('editGroupOf', group.name)}>
      {isSeries ? <SeriesActions group={group} others={others} onEdit={onEdit} /> : <NewSeriesForm group={group} onEdit={onEdit} />}
      {(isSeries || others.length > 0) && (
        <ul class="move-list" aria-label={t('movePosts')}>
          {group.posts.map((post) => (
            <li key={post.id}>
              <span class="move-title">{post.title}</span>
              <MoveSelect
                label={t('moveTo', post.title)}
                current={group.seriesKey ?? null}
                options={others}
                onMove={(seriesKey) => onEdit({ kind: 'move', postId: post.id, seriesKey })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SeriesActions({ group, others, onEdit }: { group: ReadingGroup; others: readonly SeriesChoice[]; onEdit: (edit: SeriesEdit) => void }) {
  const [name, setName] = useState(group.name);
  const [mergeInto, setMergeInto] = useState('');
  return (
    <>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onEdit({ kind: 'rename', name: name.trim() });
        }}
      >
        <input value={name} onInput={(event) => setName(event.currentTarget.value)} aria-label={t('seriesName')} />
        <button type="submit" class="small">
          {t('rename')}
        </button>
      </form>
      {others.length > 0 && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (mergeInto) onEdit({ kind: 'merge', intoKey: mergeInto });
          }}
        >
          <select aria-label={t('mergeInto')} value={mergeInto} onChange={(event) => setMergeInto(event.currentTarget.value)}>
            <option value="">{t('mergeIntoChoose')}</option>
            {others.map((sibling) => (
              <option key={sibling.key} value={sibling.key}>
                {sibling.name}
              </option>
            ))}
          </select>
          <button type="submit" class="small" disabled={!mergeInto}>
            {t('merge')}
          </button>
        </form>
      )}
      <div class="row">
        <button type="button" class="small" onClick={() => onEdit({ kind: 'not-series' })}>
          {t('notSeries')}
        </button>
      </div>
    </>
  );
}

/** Tick the posts that belong together and name them: the reader's own series, numbered by date. */
function NewSeriesForm({ group, onEdit }: { group: ReadingGroup; onEdit: (edit: SeriesEdit) => void }) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (postId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(postId);
    else next.delete(postId);
    setChosen(next);
  };
  const ready = name.trim() !== '' && chosen.size >= 2;
  return (
    <form
      class="new-series-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onEdit({ kind: 'new-series', name: name.trim(), postIds: group.posts.filter((post) => chosen.has(post.id)).map((post) => post.id) });
      }}
    >
      <fieldset>
        <legend>{t('startSeriesLegend')}</legend>
        <ul class="pick-list">
          {group.posts.map((post) => (
            <li key={post.id}>
              <label>
                <input type="checkbox" checked={chosen.has(post.id)} onChange={(event) => toggle(post.id, event.currentTarget.checked)} /> {post.title}
              </label>
            </li>
          ))}
        </ul>
        <div class="row">
          <input value={name} onInput={(event) => setName(event.currentTarget.value)} aria-label={t('newSeriesName')} placeholder={t('seriesName')} />
          <button type="submit" class="small primary" disabled={!ready}>
            {t('startSeries')}
          </button>
        </div>
        <p class="muted hint">{t('startSeriesHint')}</p>
      </fieldset>
    </form>
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
      <option value="">{t('moveToChoose')}</option>
      {props.current !== null && <option value={'\u0000none'}>{t('noSeries')}</option>}
      {props.options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.name}
        </option>
      ))}
    </select>
  );
}
