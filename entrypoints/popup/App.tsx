import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { PopupToolbar } from '@/components/popup/PopupToolbar';
import { flattenPosts, ReadingList } from '@/components/popup/ReadingList';
import type { SeriesEdit } from '@/components/popup/SeriesEditor';
import { StatusLines } from '@/components/popup/StatusLines';
import { AwaitingAccess } from '@/components/AwaitingAccess';
import { grantAndFetch, useFeedsAwaitingAccess } from '@/lib/ui/use-feeds-awaiting-access';
import { UndoBar } from '@/components/popup/UndoBar';
import { KeyboardHelp } from '@/components/popup/KeyboardHelp';
import type { ViewChoice } from '@/components/popup/PopupToolbar';
import { folderName, foldersOf } from '@/lib/folders/folders';
import type { ReadingView } from '@/lib/reading-list/load-reading-list';
import type { Subscription } from '@/lib/db';
import { FeedChooser } from '@/components/FeedChooser';
import { database, listSubscriptions, unreadCount } from '@/lib/db';
import { sendMessage, type FeedChoice, type PageOffer } from '@/lib/messaging/protocol';
import { FollowPagePreview } from '@/components/FollowPagePreview';
import { followPageWithPermission } from '@/lib/permissions/follow-page-with-permission';
import { loadReadingList, loadSeriesChoices } from '@/lib/reading-list/load-reading-list';
import type { FirstPage, ReadingGroup, ReadingPost } from '@/lib/reading-list/types';
import { failingFeeds } from '@/lib/reading-list/failing-feeds';
import { applyTheme } from '@/lib/ui/apply-theme';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { feedTypeOfMime } from '@/lib/content-scripts/collect-page-info';
import { seriesEditRequest } from './series-edit-request';
import { useKeyboardNavigation } from './use-keyboard-navigation';
import { usePageInfo } from './use-page-info';
import { useSeriesPageOffer } from './use-series-page-offer';
import { SeriesPageOffer } from '@/components/popup/SeriesPageOffer';
import { subscribeWithPermission, type SubscribeAttempt } from '@/lib/permissions/subscribe-with-permission';
import { t, tCount } from '@/lib/i18n/t';

const PAGE = 60;

/** The "Show" menu: everything, the starred posts, each folder and each feed. */
function viewChoices(subscriptions: readonly Subscription[]): ViewChoice[] {
  const folders = foldersOf(subscriptions);
  const choices: ViewChoice[] = [
    { value: 'all', label: t('allPosts') },
    { value: 'starred', label: t('starred') },
  ];
  for (const folder of folders) if (folder.name) choices.push({ value: `folder:${folder.name}`, label: folder.name, group: 'Folders' });
  for (const folder of folders) for (const s of folder.subscriptions) choices.push({ value: `feed:${s.id}`, label: s.customTitle ?? s.title, group: 'Feeds' });
  return choices;
}

/** The posts a "Show" value lists. */
function readingView(value: string, subscriptions: readonly Subscription[]): ReadingView {
  if (value === 'starred') return { kind: 'starred' };
  if (value.startsWith('feed:')) return { kind: 'feeds', subscriptionIds: [Number(value.slice(5))] };
  if (value.startsWith('folder:')) {
    const name = value.slice(7);
    return { kind: 'feeds', subscriptionIds: subscriptions.filter((s) => folderName(s.tags) === name).map((s) => s.id) };
  }
  return { kind: 'all' };
}

interface Undo {
  message: string;
  postIds: number[];
  /** The read state to restore. */
  read: boolean;
}

/** The popup: what to read next, series by series, with its actions wired to the background. */
export function App({ initial }: { initial?: FirstPage }) {
  const db = database();
  const [query, setQuery] = useState('');
  const [showRead, setShowRead] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [focusedId, setFocusedId] = useState<number | undefined>(undefined);
  const [undo, setUndo] = useState<Undo | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [choices, setChoices] = useState<FeedChoice[] | undefined>(undefined);
  const [pageOffer, setPageOffer] = useState<PageOffer | undefined>(undefined);
  const [viewValue, setViewValue] = useState('all');
  const [summaries, setSummaries] = useState<ReadonlyMap<number, string>>(new Map());
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Throttled so a refresh of hundreds of feeds redraws the popup a few times a second, not per feed.
  // Until the library answers, the first page the background kept ready stands in (same page size).
  const subscriptions = useLiveQuery(() => listSubscriptions(db), [], 500);
  const awaiting = useFeedsAwaitingAccess(subscriptions.value);
  const view = useMemo(() => readingView(viewValue, subscriptions.value ?? []), [viewValue, subscriptions.value]);
  const list = useLiveQuery(() => loadReadingList(db, { limit, query, showRead, view }), [limit, query, showRead, view], 200, viewValue === 'all' ? initial : undefined);
  // Apart from the list, so the first posts never wait for a count or for the editors' choices.
  const unread = useLiveQuery(() => unreadCount(db), [], 200, initial?.unread);
  useEffect(applyTheme, []);
  const page = usePageInfo();
  const seriesOffer = useSeriesPageOffer(page?.url);

  const failing = useMemo(() => (subscriptions.value ? failingFeeds(subscriptions.value) : (initial?.failing ?? [])), [subscriptions.value]);
  const subscribedUrls = useMemo(() => new Set((subscriptions.value ?? []).map((s) => s.feedUrl)), [subscriptions.value]);
  // A page that advertises no feed may still list posts: the popup offers to follow it.
  const canFollowPage = page !== undefined && page.feeds.length === 0 && subscriptions.value !== undefined && !subscribedUrls.has(page.url);
  const siteFeeds: FeedChoice[] = (page?.feeds ?? [])
    .filter((feed) => !subscribedUrls.has(feed.url))
    .map((feed) => ({ url: feed.url, title: feed.title, type: feedTypeOfMime(feed.type) }));

  const report = (error: unknown) => setNotice(error instanceof Error ? error.message : String(error));

  const setRead = useCallback(async (posts: ReadingPost[], read: boolean, message: string) => {
    const ids = posts.filter((post) => post.unread === read).map((post) => post.id);
    if (ids.length === 0) return;
    await sendMessage('setRead', { postIds: ids, read });
    setUndo({ message, postIds: ids, read: !read });
  }, []);

  const onOpen = useCallback((post: ReadingPost, intent: { background: boolean }) => {
    sendMessage('openPost', { postId: post.id, background: intent.background })
      .then(() => post.unread && setUndo({ message: t('opened', post.title), postIds: [post.id], read: false }))
      .catch(report);
  }, []);
  const onToggleRead = useCallback(
    (post: ReadingPost) => void setRead([post], post.unread, post.unread ? t('markedReadOne') : t('markedUnreadOne')).catch(report),
    [setRead],
  );
  const onMarkGroupRead = useCallback((group: ReadingGroup) => {
    sendMessage('markGroupRead', { subscriptionId: group.subscriptionId, seriesKey: group.seriesKey ?? null })
      .then(({ postIds }) => postIds.length && setUndo({ message: tCount('markedReadIn', postIds.length, group.name), postIds, read: false }))
      .catch(report);
  }, []);
  const onMarkAllRead = useCallback(() => {
    const subscriptionIds = view.kind === 'feeds' ? view.subscriptionIds : undefined;
    sendMessage('markAllRead', subscriptionIds ? { subscriptionIds } : {})
      .then(({ postIds }) => postIds.length && setUndo({ message: tCount('markedRead', postIds.length), postIds, read: false }))
      .catch(report);
  }, [view]);
  const onToggleStar = useCallback((post: ReadingPost) => {
    sendMessage('setStarred', { postId: post.id, starred: !post.starred }).catch(report);
  }, []);
  const onToggleSummary = useCallback((post: ReadingPost) => {
    if (summaries.has(post.id)) {
      const next = new Map(summaries);
      next.delete(post.id);
      setSummaries(next);
      return;
    }
    // Read on demand: summaries stay out of the list and the stored first page. Plain text, shown as text.
    db.posts
      .get(post.id)
      .then((stored) => setSummaries((current) => new Map(current).set(post.id, stored?.summary?.trim() ?? '')))
      .catch(report);
  }, [summaries]);
  const onHelp = useCallback((show?: boolean) => setHelp((current) => show ?? !current), []);
  const onSeriesEdit = useCallback((group: ReadingGroup, edit: SeriesEdit) => {
    sendMessage('editSeries', seriesEditRequest(group, edit)).catch(report);
  }, []);

  const groups = useMemo(() => list.value?.groups ?? [], [list.value]);
  const seriesChoices = useLiveQuery(() => loadSeriesChoices(db, groups), [groups], 500);
  const flat = useMemo(() => flattenPosts(groups), [groups]);
  useKeyboardNavigation({ posts: flat, focusedId, setFocusedId, searchRef, onOpen, onToggleRead, onToggleStar, onToggleSummary, onHelp });
  const views = useMemo(() => viewChoices(subscriptions.value ?? []), [subscriptions.value]);

  useEffect(() => setLimit(PAGE), [query, showRead, viewValue]);

  const subscribeTo = async (feeds: FeedChoice[]) => {
    const pageUrl = page?.url;
    showAttempt(await subscribeWithPermission(feeds, pageUrl));
  };

  const showAttempt = (result: SubscribeAttempt) => {
    setChoices(result.kind === 'choose' ? result.feeds : undefined);
    setPageOffer(result.kind === 'page' ? result.page : undefined);
    if (result.kind === 'done') setNotice(result.message);
  };

  const savePage = async () => {
    if (!page) return;
    const saved = await sendMessage('savePage', { url: page.url, title: page.title });
    setNotice(saved.created ? t('savedPage') : t('pageAlreadySaved'));
  };

  const hasSubscriptions = subscriptions.value ? subscriptions.value.length > 0 : (initial?.hasSubscriptions ?? false);
  const loading = (list.value === undefined && list.error === undefined) || (subscriptions.value === undefined && initial === undefined);

  return (
    <main class="popup-main">
      <PopupToolbar
        unreadCount={unread.value ?? 0}
        query={query}
        showRead={showRead}
        searchRef={searchRef}
        siteFeedCount={siteFeeds.length}
        canSavePage={page !== undefined}
        onQuery={setQuery}
        onShowRead={setShowRead}
        onSubscribeSite={() => void subscribeTo(siteFeeds).catch(report)}
        canFollowPage={canFollowPage}
        onFollowPage={() => page && void subscribeTo([{ url: page.url, title: page.title, type: 'unknown' }]).catch(report)}
        onSavePage={() => void savePage().catch(report)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        view={viewValue}
        views={views}
        onView={setViewValue}
        onMarkAllRead={onMarkAllRead}
        onHelp={() => onHelp()}
      />
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <SeriesPageOffer offers={seriesOffer.offers} onUse={(offer) => void seriesOffer.accept(offer).then(setNotice).catch(report)} />
      {pageOffer && (
        <FollowPagePreview
          key={pageOffer.url}
          page={pageOffer}
          onFollow={(candidate) => void followPageWithPermission(pageOffer, candidate).then(showAttempt).catch(report)}
          onCancel={() => setPageOffer(undefined)}
        />
      )}
      {choices && <FeedChooser feeds={choices} subscribed={subscribedUrls} onChoose={(feed) => void subscribeTo([feed]).catch(report)} onCancel={() => setChoices(undefined)} />}
      {list.error && <p class="error" role="alert">{t('libraryError', list.error.message)}</p>}
      <StatusLines feeds={failing} />
      <AwaitingAccess feeds={awaiting} onGrant={() => void grantAndFetch(awaiting).catch(report)} />
      {!loading && !hasSubscriptions && groups.length === 0 && (
        <EmptyState title={t('noSubscriptions')} action={{ label: t('addSubscription'), onClick: () => void browser.runtime.openOptionsPage() }}>
          <p class="muted">{t('noSubscriptionsHint')}</p>
        </EmptyState>
      )}
      {!loading && hasSubscriptions && groups.length === 0 && (
        <EmptyState title={query ? t('noMatch') : viewValue === 'starred' ? t('noStarred') : t('allCaughtUp')}>
          <p class="muted">
            {query
              ? t('noMatchHint')
              : viewValue === 'starred'
                ? t('noStarredHint')
                : t('allCaughtUpHint')}
          </p>
        </EmptyState>
      )}
      <ReadingList
        groups={groups}
        seriesBySubscription={seriesChoices.value}
        focusedPostId={focusedId}
        hasMore={list.value?.hasMore ?? false}
        onLoadMore={() => setLimit((current) => current + PAGE)}
        onFocusPost={(post) => setFocusedId(post.id)}
        onOpen={onOpen}
        onToggleRead={onToggleRead}
        onMarkGroupRead={onMarkGroupRead}
        onSeriesEdit={onSeriesEdit}
        summaries={summaries}
        onToggleSummary={onToggleSummary}
        onToggleStar={onToggleStar}
      />
      {undo && (
        <UndoBar
          message={undo.message}
          onDismiss={() => setUndo(undefined)}
          onUndo={() => {
            sendMessage('setRead', { postIds: undo.postIds, read: undo.read })
              .then(() => setUndo(undefined))
              .catch(report);
          }}
        />
      )}
    </main>
  );
}
