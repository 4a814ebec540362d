import { useState } from 'preact/hooks';
import type { ReadingGroup, ReadingPost, SeriesChoice } from '@/lib/reading-list/types';
import { t, tCount } from '@/lib/i18n/t';
import { PostItem, type OpenIntent } from './PostItem';
import { SeriesEditor, type SeriesEdit } from './SeriesEditor';
import { SeriesOrigin } from './SeriesOrigin';

/** Props of {@link GroupSection}. */
export interface GroupSectionProps {
  group: ReadingGroup;
  /** Other series of the same subscription, for merging and moving posts. */
  siblings: readonly SeriesChoice[];
  focusedPostId: number | undefined;
  onOpen: (post: ReadingPost, intent: OpenIntent) => void;
  onToggleRead: (post: ReadingPost) => void;
  onMarkGroupRead: (group: ReadingGroup) => void;
  onFocusPost: (post: ReadingPost) => void;
  onSeriesEdit: (group: ReadingGroup, edit: SeriesEdit) => void;
  /** Summaries the reader opened, by post id. */
  summaries?: ReadonlyMap<number, string>;
  onToggleSummary?: (post: ReadingPost) => void;
  onToggleStar?: (post: ReadingPost) => void;
}

/** Posts shown per group before "Show all": what to read next, not the whole backlog. */
export const GROUP_PREVIEW = 8;

/** A series (in reading order, with progress) or a feed's standalone posts, as one labelled section. */
export function GroupSection(props: GroupSectionProps) {
  const { group } = props;
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const visible = expanded ? group.posts : group.posts.slice(0, GROUP_PREVIEW);
  const hidden = group.posts.length - visible.length;
  const headingId = `group-${group.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const unread = group.posts.filter((post) => post.unread).length;
  return (
    <section class={`group ${group.kind}`} aria-label={group.name} data-group-key={group.key}>
      <header class="group-header">
        <div class="group-title">
          <h2 id={headingId}>{group.name}</h2>
          <p class="muted group-sub">
            {group.kind === 'series' && group.progress && <SeriesProgress read={group.progress.read} total={group.progress.total} />}
            {group.kind === 'series' && <span> · {group.feedTitle}</span>}
            {group.kind === 'series' && <SeriesOrigin source={group.declaredBy} />}
            {group.kind === 'feed' && <span>{tCount('unreadCount', unread)}</span>}
          </p>
          {/* No bar before the first part is read: an empty bar reads as a stray divider. */}
          {group.kind === 'series' && group.progress && group.progress.read > 0 && (
            <div class="progress-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((100 * group.progress.read) / Math.max(1, group.progress.total))}%` }} />
            </div>
          )}
        </div>
        <div class="group-actions">
          {unread > 0 && (
            <button type="button" class="small" onClick={() => props.onMarkGroupRead(group)} aria-label={t('markAllReadOf', group.name)}>
              {t('markAllRead')}
            </button>
          )}
          <button
            type="button"
            class="small edit-button"
            aria-expanded={editing}
            aria-controls={`${headingId}-editor`}
            aria-label={group.kind === 'series' ? t('editSeriesOf', group.name) : t('editGroupOf', group.name)}
            onClick={() => setEditing(!editing)}
          >
            {t('edit')}
          </button>
        </div>
      </header>
      {/* Built only when opened: a popup of many groups should not carry every group's editor. */}
      {editing && <SeriesEditor id={`${headingId}-editor`} group={group} siblings={props.siblings} onEdit={(edit) => props.onSeriesEdit(group, edit)} />}
      <ol class="posts" aria-labelledby={headingId}>
        {visible.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            showFeed={false}
            seriesName={group.kind === 'series' ? group.name : undefined}
            focused={post.id === props.focusedPostId}
            onOpen={props.onOpen}
            onToggleRead={props.onToggleRead}
            onFocus={props.onFocusPost}
            summary={props.summaries?.get(post.id)}
            onToggleSummary={props.onToggleSummary}
            onToggleStar={props.onToggleStar}
          />
        ))}
      </ol>
      {hidden > 0 && (
        <button type="button" class="link-button more" onClick={() => setExpanded(true)}>
          {tCount('showMore', hidden)}
        </button>
      )}
    </section>
  );
}

/** "3 of 6 read", or "New series · 6 parts" before the first part is read. */
function SeriesProgress({ read, total }: { read: number; total: number }) {
  if (read === 0) return <span class="progress new-series">{tCount('newSeries', total)}</span>;
  return (
    <span class="progress">{t('progress', read, total)}</span>
  );
}
