import type { ReadingPost } from '@/lib/reading-list/types';
import { partTitle } from '@/lib/reading-list/part-title';
import { t } from '@/lib/i18n/t';
import { formatDate } from '../format-date';

/** How a post was opened: a plain click opens and focuses a tab, a middle- or ctrl-click opens it behind. */
export interface OpenIntent {
  background: boolean;
}

/** Props of {@link PostItem}. */
export interface PostItemProps {
  post: ReadingPost;
  /** Shown for standalone groups, whose title is already the feed, or search results. */
  showFeed: boolean;
  /** The series' name when the post is shown inside its series: the row then shows only the part's own title. */
  seriesName?: string;
  focused: boolean;
  onOpen: (post: ReadingPost, intent: OpenIntent) => void;
  onToggleRead: (post: ReadingPost) => void;
  onFocus: (post: ReadingPost) => void;
  /** The post's summary when the reader asked for it (plain text from the parser, shown as text). */
  summary?: string;
  onToggleSummary?: (post: ReadingPost) => void;
  onToggleStar?: (post: ReadingPost) => void;
}

/** One post: its title as a link (text, never HTML), part, date and feed, and a read toggle. */
export function PostItem({ post, showFeed, seriesName, focused, onOpen, onToggleRead, onFocus, summary, onToggleSummary, onToggleStar }: PostItemProps) {
  const own = seriesName === undefined ? post.title : partTitle(post.title, seriesName);
  // A part titled only by its series and number reads as its number ("Part 2").
  const text = own || post.partLabel || post.title;
  const showPart = post.partLabel !== undefined && text !== post.partLabel;
  const open = (event: MouseEvent, background: boolean) => {
    event.preventDefault();
    onOpen(post, { background });
  };
  const classes = ['post', post.unread ? 'unread' : 'read', post.isNext ? 'next' : '', focused ? 'focused' : ''];
  return (
    <li class={classes.filter(Boolean).join(' ')} data-post-id={post.id}>
      {showPart && <span class="part">{post.partLabel}</span>}
      <div class="post-main">
        <a
          href={post.url && /^https?:\/\//i.test(post.url) ? post.url : undefined}
          target="_blank"
          rel="noopener noreferrer"
          data-post-link
          aria-current={post.isNext ? 'step' : undefined}
          aria-label={text === post.title ? undefined : post.title}
          title={text === post.title ? undefined : post.title}
          onClick={(event) => open(event, event.ctrlKey || event.metaKey || event.shiftKey)}
          onAuxClick={(event) => event.button === 1 && open(event, true)}
          onFocus={() => onFocus(post)}
        >
          {text}
        </a>
        <div class="post-meta muted">
          {post.isNext && <span class="next-badge">{t('next')}</span>}
          <time dateTime={new Date(post.sortAt).toISOString()}>{formatDate(post.sortAt)}</time>
          {showFeed && <span class="feed"> · {post.feedTitle}</span>}
          {onToggleSummary && (
            <button
              type="button"
              class="link-button summary-toggle"
              aria-expanded={summary !== undefined}
              aria-label={t('summaryOf', post.title)}
              title={t('summaryKey')}
              onClick={() => onToggleSummary(post)}
            >
              {summary === undefined ? t('summary') : t('hideSummary')}
            </button>
          )}
        </div>
        {summary !== undefined && <p class="summary">{summary || t('noSummary')}</p>}
      </div>
      {onToggleStar && (
        <button
          type="button"
          class={`icon-button star${post.starred ? ' starred' : ''}`}
          aria-pressed={post.starred === true}
          aria-label={t('starOf', post.title)}
          title={post.starred ? t('unstarKey') : t('starKey')}
          onClick={() => onToggleStar(post)}
        >
          {post.starred ? '★' : '☆'}
        </button>
      )}
      <button
        type="button"
        class="icon-button toggle-read"
        aria-label={post.unread ? t('markReadOf', post.title) : t('markUnreadOf', post.title)}
        title={post.unread ? t('markReadKey') : t('markUnreadKey')}
        onClick={() => onToggleRead(post)}
      >
        {post.unread ? '✓' : '↺'}
      </button>
    </li>
  );
}
