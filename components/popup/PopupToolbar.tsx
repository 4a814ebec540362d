import type { Ref } from 'preact';

/** Props of {@link PopupToolbar}. */
export interface PopupToolbarProps {
  unreadCount: number;
  query: string;
  showRead: boolean;
  searchRef: Ref<HTMLInputElement>;
  /** Feeds the active tab advertises that are not subscribed yet; empty hides the button. */
  siteFeedCount: number;
  canSavePage: boolean;
  /** The active tab offers no feed: offer to follow the page itself. */
  canFollowPage?: boolean;
  onFollowPage?: () => void;
  onQuery: (query: string) => void;
  onShowRead: (showRead: boolean) => void;
  onSubscribeSite: () => void;
  onSavePage: () => void;
  onOpenOptions: () => void;
}

/** The popup's header: unread count, search, "show read", page actions and the options link. */
export function PopupToolbar(props: PopupToolbarProps) {
  return (
    <header class="toolbar">
      <div class="toolbar-row">
        <h1 class="brand">
          Partwise <span class="count" aria-label={`${props.unreadCount} unread`}>{props.unreadCount}</span>
        </h1>
        <button type="button" class="link-button" onClick={props.onOpenOptions}>
          Options
        </button>
      </div>
      <div class="toolbar-row">
        <input
          ref={props.searchRef}
          type="search"
          class="search"
          placeholder="Search titles  ( / )"
          aria-label="Search titles"
          value={props.query}
          onInput={(event) => props.onQuery(event.currentTarget.value)}
        />
        <label class="toggle">
          <input type="checkbox" checked={props.showRead} onChange={(event) => props.onShowRead(event.currentTarget.checked)} />
          Show read
        </label>
      </div>
      {(props.siteFeedCount > 0 || props.canSavePage || props.canFollowPage) && (
        <div class="toolbar-row page-actions">
          {props.siteFeedCount > 0 && (
            <button type="button" class="small primary" onClick={props.onSubscribeSite}>
              Subscribe to this site
            </button>
          )}
          {props.canFollowPage && (
            <button type="button" class="small" onClick={props.onFollowPage}>
              Follow this page
            </button>
          )}
          {props.canSavePage && (
            <button type="button" class="small" onClick={props.onSavePage}>
              Save this page
            </button>
          )}
        </div>
      )}
    </header>
  );
}
