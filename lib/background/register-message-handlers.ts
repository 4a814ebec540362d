import { browser } from 'wxt/browser';
import { database, deleteSubscription, markAllRead, markGroupRead, renameFolder, setRead, setStarred, updateSettings, updateSubscription } from '../db';
import { syncVisitSettings } from './visit-settings';
import { onTrustedMessage } from './on-trusted-message';
import { afterPostsChange, afterSubscriptionsChange } from './after-change';
import { editSeries } from './edit-series';
import { runRefresh } from './run-refresh';
import { backgroundDeps } from './background-deps';
import { openPost } from './open-post';
import { handlePageVisit } from './page-visited';
import { savePage } from './save-page';
import { subscribe } from './subscribe';
import { followPage } from './follow-page';
import { subscriptionEditPatch } from './subscription-edit';
import { registerImportExportHandlers } from './register-import-export';
import { syncReadMarks, syncSeriesEdit, syncSettings, syncSubscriptionChanged, syncUnsubscribed } from '../sync/record-local';
import { registerSeriesPageHandlers } from './register-series-page-handlers';
import { webOrigin } from '../urls/web-origin';

/** Registers every background message handler; call synchronously from the background's main(). */
export function registerMessageHandlers(): void {
  const db = database;
  onTrustedMessage('ping', () => ({ version: browser.runtime.getManifest().version, context: 'background' }));

  onTrustedMessage('pageVisited', async ({ data }, { kind, senderUrl }) => {
    // A tab reports only its own page: the URL it claims must be on the site it is.
    if (kind === 'tab' && webOrigin(data.url) !== webOrigin(senderUrl)) throw new Error('Partwise refused a visit report for another site than the page’s own.');
    const result = await handlePageVisit(db(), data, Date.now());
    await syncReadMarks(db(), result.marked, true, Date.now());
    if (result.marked.length > 0 || result.seriesChanged) await afterPostsChange(db());
    return result;
  });

  onTrustedMessage('subscribe', async ({ data }) => {
    const result = await subscribe(backgroundDeps(), data);
    if (result.kind === 'subscribed') await syncSubscriptionChanged(db(), result.subscriptionId, Date.now());
    if (result.kind === 'subscribed') await afterSubscriptionsChange(db(), Date.now());
    return result;
  });

  onTrustedMessage('unsubscribe', async ({ data }) => {
    await syncUnsubscribed(db(), data.subscriptionId, data.keepPosts, Date.now());
    await deleteSubscription(db(), data.subscriptionId, { keepPosts: data.keepPosts }, Date.now());
    await afterSubscriptionsChange(db(), Date.now());
  });

  onTrustedMessage('updateSubscription', async ({ data }) => {
    await updateSubscription(db(), data.subscriptionId, subscriptionEditPatch(data.edit));
    await syncSubscriptionChanged(db(), data.subscriptionId, Date.now(), Object.keys(data.edit));
    await afterSubscriptionsChange(db(), Date.now());
  });

  onTrustedMessage('refreshNow', async ({ data }) => {
    const outcomes = await runRefresh(data.subscriptionId === undefined ? { force: true } : { ids: [data.subscriptionId] });
    return { refreshed: outcomes.length };
  });

  onTrustedMessage('setRead', async ({ data }) => {
    const changed = await setRead(db(), data.postIds, data.read, Date.now());
    await syncReadMarks(db(), data.postIds, data.read, Date.now());
    await afterPostsChange(db());
    return { changed };
  });

  onTrustedMessage('markGroupRead', async ({ data }) => {
    const postIds = await markGroupRead(db(), { subscriptionId: data.subscriptionId, seriesKey: data.seriesKey }, Date.now());
    await syncReadMarks(db(), postIds, true, Date.now());
    await afterPostsChange(db());
    return { postIds };
  });

  onTrustedMessage('markAllRead', async ({ data }) => {
    const postIds = await markAllRead(db(), Date.now(), data.subscriptionIds);
    await syncReadMarks(db(), postIds, true, Date.now());
    await afterPostsChange(db());
    return { postIds };
  });

  onTrustedMessage('renameFolder', async ({ data }) => {
    const moved = await renameFolder(db(), data.from, data.to);
    await afterSubscriptionsChange(db(), Date.now());
    return { moved };
  });

  onTrustedMessage('setStarred', async ({ data }) => {
    await setStarred(db(), data.postId, data.starred);
    await afterPostsChange(db());
  });

  onTrustedMessage('openPost', async ({ data }) => {
    await openPost(db(), data.postId, data.background, Date.now());
    await syncReadMarks(db(), [data.postId], true, Date.now());
    await afterPostsChange(db());
  });

  onTrustedMessage('savePage', async ({ data }) => {
    const result = await savePage(db(), data, Date.now());
    await afterPostsChange(db());
    return result;
  });

  onTrustedMessage('updateSettings', async ({ data }) => {
    const settings = await updateSettings(db(), data);
    await syncSettings(data, Date.now());
    await syncVisitSettings(db());
    await afterSubscriptionsChange(db(), Date.now());
    return settings;
  });

  onTrustedMessage('editSeries', async ({ data }) => {
    const result = await editSeries(db(), data, Date.now());
    await syncSeriesEdit(db(), data, Date.now());
    await afterPostsChange(db());
    return result;
  });
  onTrustedMessage('followPage', async ({ data }) => {
    const result = await followPage(backgroundDeps(), data);
    if (result.kind === 'subscribed') await syncSubscriptionChanged(db(), result.subscriptionId, Date.now());
    if (result.kind === 'subscribed') await afterSubscriptionsChange(db(), Date.now());
    return result;
  });
  onTrustedMessage('syncContentScripts', async () => ({ patterns: await afterSubscriptionsChange(db(), Date.now()) }));
  registerImportExportHandlers();
  registerSeriesPageHandlers();
}
