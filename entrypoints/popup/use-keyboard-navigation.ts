import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ReadingPost } from '@/lib/reading-list/types';

/** What the popup's keyboard handling needs. */
export interface KeyboardNavigation {
  posts: readonly ReadingPost[];
  focusedId: number | undefined;
  setFocusedId: (id: number) => void;
  searchRef: RefObject<HTMLInputElement>;
  onOpen: (post: ReadingPost, intent: { background: boolean }) => void;
  onToggleRead: (post: ReadingPost) => void;
  onToggleStar?: (post: ReadingPost) => void;
  onToggleSummary?: (post: ReadingPost) => void;
  /** `?` shows or hides the keyboard help; Escape hides it. */
  onHelp?: (show?: boolean) => void;
}

function focusPostLink(id: number): void {
  document.querySelector<HTMLAnchorElement>(`li[data-post-id="${id}"] a[data-post-link]`)?.focus();
}

/** The post whose link has focus: the DOM knows before a re-render has caught up with the state. */
function activePostId(): number | undefined {
  const id = Number(document.activeElement?.closest('li[data-post-id]')?.getAttribute('data-post-id'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * j/k or arrows move between posts, Enter or o opens, m toggles read, s stars, i shows the summary,
 * / searches, ? shows the keys, Escape leaves the search or the help.
 */
export function useKeyboardNavigation(nav: KeyboardNavigation): void {
  const { posts, focusedId, setFocusedId, searchRef, onOpen, onToggleRead, onToggleStar, onToggleSummary, onHelp } = nav;
  useEffect(() => {
    const move = (delta: number) => {
      if (posts.length === 0) return;
      // The DOM's focus first: keys pressed faster than a re-render must not move from a stale state.
      const current = activePostId() ?? focusedId;
      const index = posts.findIndex((post) => post.id === current);
      const next = posts[index === -1 ? (delta > 0 ? 0 : posts.length - 1) : Math.max(0, Math.min(posts.length - 1, index + delta))]!;
      setFocusedId(next.id);
      focusPostLink(next.id);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target === searchRef.current) searchRef.current?.blur();
        if (event.key === 'ArrowDown' && event.target === searchRef.current) {
          event.preventDefault();
          move(1);
        }
        return;
      }
      const focused = posts.find((post) => post.id === (activePostId() ?? focusedId));
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          event.preventDefault();
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          event.preventDefault();
          move(-1);
          break;
        case 'o':
        case 'Enter':
          if (!focused || (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement) && event.target !== document.body)) return;
          event.preventDefault();
          onOpen(focused, { background: event.shiftKey });
          break;
        case 'm':
          if (!focused) return;
          event.preventDefault();
          onToggleRead(focused);
          break;
        case 's':
          if (!focused || !onToggleStar) return;
          event.preventDefault();
          onToggleStar(focused);
          break;
        case 'i':
          if (!focused || !onToggleSummary) return;
          event.preventDefault();
          onToggleSummary(focused);
          break;
        case '?':
          event.preventDefault();
          onHelp?.();
          break;
        case 'Escape':
          onHelp?.(false);
          break;
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [posts, focusedId, setFocusedId, searchRef, onOpen, onToggleRead, onToggleStar, onToggleSummary, onHelp]);
}
