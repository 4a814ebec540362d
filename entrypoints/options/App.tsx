import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ImportExport, type TransferStatus } from '@/components/options/ImportExport';
import { SettingsForm } from '@/components/options/SettingsForm';
import { SubscribeForm, type SubscribeStatus } from '@/components/options/SubscribeForm';
import { SubscriptionList } from '@/components/options/SubscriptionList';
import { countsBySubscription, database, getSettings, listSubscriptions, type Subscription } from '@/lib/db';
import { sendMessage, type FeedChoice, type PageCandidatePreview, type PageOffer } from '@/lib/messaging/protocol';
import { followPageWithPermission } from '@/lib/permissions/follow-page-with-permission';
import { parseOpml } from '@/lib/opml/parse-opml';
import { parseBackup } from '@/lib/backup/parse-backup';
import { sendBackup } from '@/lib/messaging/send-backup';
import { exportBackup } from '@/lib/library-io/export-backup';
import { exportSubscriptionsOpml } from '@/lib/library-io/export-opml';
import { ALL_SITES_ORIGINS, requestOrigins, requestRestoreAccess } from '@/lib/permissions/request-origins';
import { permissionDeclined, subscribeWithPermission } from '@/lib/permissions/subscribe-with-permission';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { t, tCount } from '@/lib/i18n/t';
import { downloadText } from './download-text';
import { useMissingOrigins } from './use-missing-origins';
import { SyncCard } from '@/components/options/SyncCard';
import { SYNC_QUOTA } from '@/lib/sync/encode';
import { useSyncStatus } from '@/lib/ui/use-sync-status';
import { grantAndFetch, useFeedsAwaitingAccess } from '@/lib/ui/use-feeds-awaiting-access';
import { addSeriesPage, removeSeriesPage } from './series-page-actions';

const ALL_SITES = [...ALL_SITES_ORIGINS];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The options page: subscribe, manage subscriptions, import/export and settings. */
export function App() {
  const db = database();
  // Throttled: during a refresh of hundreds of feeds the page redraws a few times a second, not per feed.
  const subscriptions = useLiveQuery(() => listSubscriptions(db), [], 500);
  const counts = useLiveQuery(() => countsBySubscription(db), [], 500);
  const settings = useLiveQuery(() => getSettings(db), []);
  const missingOrigins = useMissingOrigins(subscriptions.value ?? []);
  const sync = useSyncStatus();
  const awaiting = useFeedsAwaitingAccess(subscriptions.value);
  const [subscribeStatus, setSubscribeStatus] = useState<SubscribeStatus>({ kind: 'idle' });
  const [transfer, setTransfer] = useState<TransferStatus>({ kind: 'idle' });
  const [pendingOpml, setPendingOpml] = useState<{ name: string; text: string; urls: string[] } | undefined>(undefined);
  const [pendingBackup, setPendingBackup] = useState<{ name: string; text: string; urls: string[]; allSites: boolean } | undefined>(undefined);
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [backgroundStatus, setBackgroundStatus] = useState(t('connecting'));

  useEffect(() => {
    sendMessage('ping')
      .then((reply) => setBackgroundStatus(t('backgroundRunning', reply.version)))
      .catch((error: unknown) => setBackgroundStatus(t('backgroundSilent', message(error))));
  }, []);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // A refresh that just landed is described against the current time, not the last tick.
  useEffect(() => setNow(Date.now()), [subscriptions.value]);

  const subscribeTo = (feeds: FeedChoice[]) => {
    // The permission request is the first thing this click does: Firefox needs it inside the gesture.
    const attempt = subscribeWithPermission(feeds);
    setSubscribeStatus({ kind: 'busy' });
    attempt
      .then((result) => setSubscribeStatus(result))
      .catch((error: unknown) => setSubscribeStatus({ kind: 'done', ok: false, message: message(error) }));
  };

  const followPage = (page: PageOffer, candidate: PageCandidatePreview) => {
    // As for subscribing: the permission request comes first in the click.
    const attempt = followPageWithPermission(page, candidate);
    setSubscribeStatus({ kind: 'busy' });
    attempt.then(setSubscribeStatus).catch((error: unknown) => setSubscribeStatus({ kind: 'done', ok: false, message: message(error) }));
  };

  const onEdit = (s: Subscription, edit: Parameters<typeof sendMessage<'updateSubscription'>>[1]['edit']) =>
    void sendMessage('updateSubscription', { subscriptionId: s.id, edit }).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }));

  const onOpmlFile = (file: File) => {
    file
      .text()
      .then((text) => {
        const parsed = parseOpml(text);
        setPendingOpml({ name: file.name, text, urls: parsed.feeds.map((feed) => feed.feedUrl) });
        setTransfer({ kind: 'idle' });
      })
      .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: t('fileNotImported', file.name, message(error)) }));
  };

  const onConfirmOpml = () => {
    if (!pendingOpml) return;
    const { text, urls } = pendingOpml;
    const granted = requestOrigins(urls);
    setPendingOpml(undefined);
    setTransfer({ kind: 'busy', message: tCount('importing', urls.length) });
    granted
      .then((ok) => {
        if (!ok) throw new Error(permissionDeclined());
        return sendMessage('importOpml', { text });
      })
      .then((report) => setTransfer({ kind: 'done', ok: true, message: tCount('imported', report.added, report.skipped), report }))
      .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }));
  };

  // Read and checked first, restored in the confirming click: host access can only be asked in a gesture.
  const onBackupFile = (file: File) => {
    file
      .text()
      .then((text) => {
        const backup = parseBackup(text);
        const urls = backup.subscriptions.map((entry) => entry.feedUrl);
        setPendingBackup({ name: file.name, text, urls, allSites: backup.settings.allowAllSites === true });
        setTransfer({ kind: 'idle' });
      })
      .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: t('backupNotImported', file.name, message(error)) }));
  };

  const onConfirmBackup = () => {
    if (!pendingBackup) return;
    const { name, text, urls, allSites } = pendingBackup;
    const granted = requestRestoreAccess(urls, allSites);
    setPendingBackup(undefined);
    setTransfer({ kind: 'busy', message: t('restoring', name) });
    granted
      .then((ok) => {
        if (!ok) throw new Error(t('restoreDeclined'));
        return sendBackup(text);
      })
      .then((report) =>
        setTransfer({ kind: 'done', ok: true, message: tCount('restored', report.added, report.skipped), report }),
      )
      .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: t('backupNotImported', name, message(error)) }));
  };

  // Exports only read the library, which this page shares: no message, so no 64 MiB message limit.
  const exportFile = (read: () => Promise<string>, name: string, type: string) =>
    void read()
      .then((text) => {
        downloadText(name, text, type);
        setTransfer({ kind: 'done', ok: true, message: t('savedFile', name) });
      })
      .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }));

  const today = new Date(now).toISOString().slice(0, 10);
  const subscribedUrls = new Set((subscriptions.value ?? []).map((s) => s.feedUrl));
  const onRenameFolder = (from: string, to: string) =>
    void sendMessage('renameFolder', { from, to }).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }));

  return (
    <main class="options-main">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>Partwise</h1>
        <nav class="jump-links" aria-label={t('sections')}>
          <a href="#subscriptions-heading">{t('subscriptions')}</a>
          <a href="#transfer-heading">{t('importExport')}</a>
          <a href="#settings-heading">{t('settings')}</a>
        </nav>
      </header>
      <div class="options-columns">
        <div class="options-list">
          <SubscribeForm
            subscribed={subscribedUrls}
            status={subscribeStatus}
            onSubscribe={(url) => subscribeTo([{ url, type: 'unknown' }])}
            onChoose={(feed) => subscribeTo([feed])}
            onCancelChoice={() => setSubscribeStatus({ kind: 'idle' })}
            onFollowPage={followPage}
          />
          <SubscriptionList
            subscriptions={subscriptions.value ?? []}
            counts={counts.value ?? new Map()}
            missingOrigins={missingOrigins}
            now={now}
            refreshing={refreshing}
            onRefreshAll={() => {
              setRefreshing(true);
              void sendMessage('refreshNow', {})
                .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))
                .finally(() => setRefreshing(false));
            }}
            onEdit={onEdit}
            onRenameFolder={onRenameFolder}
            onRefresh={(s) => void sendMessage('refreshNow', { subscriptionId: s.id }).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))}
            onUnsubscribe={(s, keepPosts) => void sendMessage('unsubscribe', { subscriptionId: s.id, keepPosts })}
            onAllowOrigins={(origins) =>
              void requestOrigins(origins)
                .then(() => sendMessage('syncContentScripts'))
                .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))
            }
            onAddSeriesPage={addSeriesPage}
            onRemoveSeriesPage={(s, url) => void removeSeriesPage(s, url).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))}
          />
        </div>
        {/* Beside the list (above it on narrow windows): reachable without scrolling past 300 feeds. */}
        <aside class="options-side" aria-label={t('importExportSettings')}>
          <ImportExport
            status={transfer}
            pendingOpml={pendingOpml && { name: pendingOpml.name, feedCount: pendingOpml.urls.length }}
            onOpmlFile={onOpmlFile}
            onConfirmOpml={onConfirmOpml}
            onCancelOpml={() => setPendingOpml(undefined)}
            onExportOpml={() => exportFile(() => exportSubscriptionsOpml(db, new Date()), `partwise-subscriptions-${today}.opml`, 'text/x-opml')}
            onExportBackup={() => exportFile(() => exportBackup(db, new Date()), `partwise-backup-${today}.json`, 'application/json')}
            onBackupFile={onBackupFile}
            pendingBackup={pendingBackup && { name: pendingBackup.name, subscriptionCount: pendingBackup.urls.length }}
            onConfirmBackup={onConfirmBackup}
            onCancelBackup={() => setPendingBackup(undefined)}
          />
          {sync && (
            <SyncCard
              {...sync}
              quotaBytes={SYNC_QUOTA.totalBytes}
              awaiting={awaiting}
              now={now}
              onToggle={(enabled) => void sendMessage('setSyncEnabled', { enabled }).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))}
              onSyncNow={() => void sendMessage('syncNow').catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))}
              onGrantAccess={() =>
                void grantAndFetch(awaiting).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))
              }
            />
          )}
          {settings.value && (
            <SettingsForm
              settings={settings.value}
              onChange={(patch) => void sendMessage('updateSettings', patch).catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }))}
              onAllowAllSites={(allow) => {
                const change = allow ? browser.permissions.request({ origins: ALL_SITES }) : browser.permissions.remove({ origins: ALL_SITES }).then(() => false);
                void change
                  .then((granted) => sendMessage('updateSettings', { allowAllSites: allow && granted }))
                  .catch((error: unknown) => setTransfer({ kind: 'done', ok: false, message: message(error) }));
              }}
            />
          )}
          <p class="muted small-print" data-testid="background-status">
            {backgroundStatus}
          </p>
        </aside>
      </div>
    </main>
  );
}
