import type { Ref } from 'preact';
import { t, tCount } from '@/lib/i18n/t';

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
  /** The list shown: 'all', 'starred', 'folder:<name>' or 'feed:<id>' (see {@link ViewChoice}). */
  view?: string;
  views?: readonly ViewChoice[];
  onView?: (view: string) => void;
  onMarkAllRead?: () => void;
  onHelp?: () => void;
}

/** One entry of the popup's "Show" menu. */
export interface ViewChoice {
  value: string;
  label: string;
  /** 'Folders' or 'Feeds', shown as option groups. */
  group?: 'Folders' | 'Feeds';
}

function ViewSelect({ view, views, onView }: { view: string; views: readonly ViewChoice[]; onView: (view: string) => void }) {
  const plain = views.filter((choice) => !choice.group);
  const grouped = (name: 'Folders' | 'Feeds') => views.filter((choice) => choice.group === name);
  return (
    <select class="view-select" aria-label={t('show')} value={view} onChange={(event) => onView(event.currentTarget.value)}>
      {plain.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
      {(['Folders', 'Feeds'] as const).map(
        (name) =>
          grouped(name).length > 0 && (
            <optgroup key={name} label={name}>
              {grouped(name).map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          ),
      )}
    </select>
  );
}

/** The popup's header: unread count, search, "show read", page actions and the options link. */
export function PopupToolbar(props: PopupToolbarProps) {
  return (
    <header class="toolbar">
      <div class="toolbar-row">
        <h1 class="brand">
          Partwise <span class="count" aria-label={tCount('unreadCount', props.unreadCount)}>{props.unreadCount}</span>
        </h1>
        <div class="row">
          {props.onHelp && (
            <button type="button" class="icon-button" aria-label={t('keyboardShortcuts')} title={t('keyboardShortcutsKey')} onClick={props.onHelp}>
              ?
            </button>
          )}
          <button type="button" class="link-button" onClick={props.onOpenOptions}>
            {t('options')}
          </button>
        </div>
      </div>
      {props.views && props.onView && (
        <div class="toolbar-row">
          <ViewSelect view={props.view ?? 'all'} views={props.views} onView={props.onView} />
          {props.onMarkAllRead && (
            <button type="button" class="small" onClick={props.onMarkAllRead} disabled={props.unreadCount === 0}>
              {t('markAllRead')}
            </button>
          )}
        </div>
      )}
      <div class="toolbar-row">
        <input
          ref={props.searchRef}
          type="search"
          class="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchTitles')}
          value={props.query}
          onInput={(event) => props.onQuery(event.currentTarget.value)}
        />
        <label class="toggle">
          <input type="checkbox" checked={props.showRead} onChange={(event) => props.onShowRead(event.currentTarget.checked)} />
          {t('showRead')}
        </label>
      </div>
      {(props.siteFeedCount > 0 || props.canSavePage || props.canFollowPage) && (
        <div class="toolbar-row page-actions">
          {props.siteFeedCount > 0 && (
            <button type="button" class="small primary" onClick={props.onSubscribeSite}>
              {t('subscribeToSite')}
            </button>
          )}
          {props.canFollowPage && (
            <button type="button" class="small" onClick={props.onFollowPage}>
              {t('followThisPage')}
            </button>
          )}
          {props.canSavePage && (
            <button type="button" class="small" onClick={props.onSavePage}>
              {t('savePage')}
            </button>
          )}
        </div>
      )}
    </header>
  );
}
