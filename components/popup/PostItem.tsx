import type { ReadingPost } from '@/lib/reading-list/types';
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
  focused: boolean;
  onOpen: (post: ReadingPost, intent: OpenIntent) => void;
  onToggleRead: (post: ReadingPost) => void;
  onFocus: (post: ReadingPost) => void;
}

/** One post: its title as a link (text, never HTML), part, date and feed, and a read toggle. */
export function PostItem({ post, showFeed, focused, onOpen, onToggleRead, onFocus }: PostItemProps) {
  const open = (event: MouseEvent, background: boolean) => {
    event.preventDefault();
    onOpen(post, { background });
  };
  const classes = ['post', post.unread ? 'unread' : 'read', post.isNext ? 'next' : '', focused ? 'focused' : ''];
  return (
    <li class={classes.filter(Boolean).join(' ')} data-post-id={post.id}>
      {post.partLabel && <span class="part">{post.partLabel}</span>}
      <div class="post-main">
        <a
          href={post.url && /^https?:\/\//i.test(post.url) ? post.url : undefined}
          target="_blank"
          rel="noopener noreferrer"
          data-post-link
          aria-current={post.isNext ? 'step' : undefined}
          onClick={(event) => open(event, event.ctrlKey || event.metaKey || event.shiftKey)}
          onAuxClick={(event) => event.button === 1 && open(event, true)}
          onFocus={() => onFocus(post)}
        >
          {post.title}
        </a>
        <div class="post-meta muted">
          {post.isNext && <span class="next-badge">Next</span>}
          <time dateTime={new Date(post.sortAt).toISOString()}>{formatDate(post.sortAt)}</time>
          {showFeed && <span class="feed"> · {post.feedTitle}</span>}
        </div>
      </div>
      <button
        type="button"
        class="icon-button toggle-read"
        aria-label={`${post.unread ? 'Mark read' : 'Mark unread'}: ${post.title}`}
        title={post.unread ? 'Mark read (m)' : 'Mark unread (m)'}
        onClick={() => onToggleRead(post)}
      >
        {post.unread ? '✓' : '↺'}
      </button>
    </li>
  );
}
