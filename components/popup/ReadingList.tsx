import { useEffect, useRef } from 'preact/hooks';
import type { ReadingGroup, ReadingPost, SeriesChoice } from '@/lib/reading-list/types';
import { t } from '@/lib/i18n/t';
import { GroupSection } from './GroupSection';
import type { OpenIntent } from './PostItem';
import type { SeriesEdit } from './SeriesEditor';

/** Props of {@link ReadingList}. */
export interface ReadingListProps {
  groups: readonly ReadingGroup[];
  /** Series names per subscription, for merge and move choices (none until they have loaded). */
  seriesBySubscription?: ReadonlyMap<number, readonly SeriesChoice[]>;
  focusedPostId: number | undefined;
  hasMore: boolean;
  onLoadMore: () => void;
  onFocusPost: (post: ReadingPost) => void;
  onOpen: (post: ReadingPost, intent: OpenIntent) => void;
  onToggleRead: (post: ReadingPost) => void;
  onMarkGroupRead: (group: ReadingGroup) => void;
  onSeriesEdit: (group: ReadingGroup, edit: SeriesEdit) => void;
  summaries?: ReadonlyMap<number, string>;
  onToggleSummary?: (post: ReadingPost) => void;
  onToggleStar?: (post: ReadingPost) => void;
}

/** The groups, rendered a page at a time: a sentinel at the end asks for the next page when it scrolls into view. */
export function ReadingList(props: ReadingListProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, onLoadMore } = props;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore]);

  return (
    <div class="reading-list">
      {props.groups.map((group) => (
        <GroupSection
          key={group.key}
          group={group}
          siblings={props.seriesBySubscription?.get(group.subscriptionId) ?? []}
          focusedPostId={props.focusedPostId}
          onOpen={props.onOpen}
          onToggleRead={props.onToggleRead}
          onMarkGroupRead={props.onMarkGroupRead}
          onFocusPost={props.onFocusPost}
          onSeriesEdit={props.onSeriesEdit}
          summaries={props.summaries}
          onToggleSummary={props.onToggleSummary}
          onToggleStar={props.onToggleStar}
        />
      ))}
      {hasMore && (
        <div ref={sentinel} class="load-more">
          <button type="button" class="small" onClick={onLoadMore}>
            {t('showMorePosts')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Every post in display order, for keyboard movement. */
export function flattenPosts(groups: readonly ReadingGroup[]): ReadingPost[] {
  return groups.flatMap((group) => group.posts);
}
