import { t } from '@/lib/i18n/t';
import { firstScreen } from '@/lib/reading-list/first-screen';
import type { FirstPage } from '@/lib/reading-list/types';
import { PopupToolbar } from './PopupToolbar';
import { ReadingList } from './ReadingList';
import { StatusLines } from './StatusLines';

const none = (): void => undefined;
/** The "Show" menu as the app first renders it, so the toolbar does not move when the app takes over. */
const previewViews = () => [{ value: 'all', label: t('allPosts') }];

/**
 * The popup as the background last saw the library, painted before the app's code has loaded. It is
 * `inert` (no focus, no clicks) because the app replaces it, with the same layout, a moment later; so
 * it paints only the groups of the first screen.
 */
export function PopupPreview({ page }: { page: FirstPage }) {
  return (
    <main class="popup-main" inert aria-busy="true">
      <PopupToolbar
        unreadCount={page.unread}
        query=""
        showRead={false}
        searchRef={null}
        siteFeedCount={0}
        canSavePage={false}
        onQuery={none}
        onShowRead={none}
        onSubscribeSite={none}
        onSavePage={none}
        onOpenOptions={none}
        views={previewViews()}
        onView={none}
        onMarkAllRead={none}
        onHelp={none}
      />
      <StatusLines feeds={page.failing} />
      <ReadingList
        groups={firstScreen(page.groups)}
        focusedPostId={undefined}
        hasMore={false}
        onLoadMore={none}
        onFocusPost={none}
        onOpen={none}
        onToggleRead={none}
        onMarkGroupRead={none}
        onSeriesEdit={none}
      />
    </main>
  );
}
