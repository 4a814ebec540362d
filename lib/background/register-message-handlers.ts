import { browser } from 'wxt/browser';
import { database, deleteSubscription, markAllRead, markGroupRead, renameFolder, setRead, setStarred, updateSettings, updateSubscription } from '../db';
import { syncVisitSettings } from './visit-settings';
import { onMessage } from '../messaging/protocol';
import { afterPostsChange, afterSubscriptionsChange } from './after-change';
import { editSeries } from './edit-series';
import { runRefresh } from './run-refresh';
import { backgroundDeps } from './background-deps';
import { openPost } from './open-post';
import { handlePageVisit } from './page-visited';
import { savePage } from './save-page';
import { subscribe } from './subscribe';
import { subscriptionEditPatch } from './subscription-edit';
import { registerImportExportHandlers } from './register-import-export';

/** Registers every background message handler; call synchronously from the background's main(). */
export function registerMessageHandlers(): void {
  const db = database;
  onMessage('ping', () => ({ version: browser.runtime.getManifest().version, context: 'background' }));

  onMessage('pageVisited', async ({ data }) => {
    const result = await handlePageVisit(db(), data, Date.now());
    if (result.marked.length > 0) await afterPostsChange(db());
    return result;
  });

  onMessage('subscribe', async ({ data }) => {
    const result = await subscribe(backgroundDeps(), data);
    if (result.kind === 'subscribed') await afterSubscriptionsChange(db(), Date.now());
    return result;
  });

  onMessage('unsubscribe', async ({ data }) => {
    await deleteSubscription(db(), data.subscriptionId, { keepPosts: data.keepPosts }, Date.now());
    await afterSubscriptionsChange(db(), Date.now());
  });

  onMessage('updateSubscription', async ({ data }) => {
    await updateSubscription(db(), data.subscriptionId, subscriptionEditPatch(data.edit));
    await afterSubscriptionsChange(db(), Date.now());
  });

  onMessage('refreshNow', async ({ data }) => {
    const outcomes = await runRefresh(data.subscriptionId === undefined ? { force: true } : { ids: [data.subscriptionId] });
    return { refreshed: outcomes.length };
  });

  onMessage('setRead', async ({ data }) => {
    const changed = await setRead(db(), data.postIds, data.read, Date.now());
    await afterPostsChange(db());
    return { changed };
  });

  onMessage('markGroupRead', async ({ data }) => {
    const postIds = await markGroupRead(db(), { subscriptionId: data.subscriptionId, seriesKey: data.seriesKey }, Date.now());
    await afterPostsChange(db());
    return { postIds };
  });

  onMessage('markAllRead', async ({ data }) => {
    const postIds = await markAllRead(db(), Date.now(), data.subscriptionIds);
    await afterPostsChange(db());
    return { postIds };
  });

  onMessage('renameFolder', async ({ data }) => {
    const moved = await renameFolder(db(), data.from, data.to);
    await afterSubscriptionsChange(db(), Date.now());
    return { moved };
  });

  onMessage('setStarred', async ({ data }) => {
    await setStarred(db(), data.postId, data.starred);
    await afterPostsChange(db());
  });

  onMessage('openPost', async ({ data }) => {
    await openPost(db(), data.postId, data.background, Date.now());
    await afterPostsChange(db());
  });

  onMessage('savePage', async ({ data }) => {
    const result = await savePage(db(), data, Date.now());
    await afterPostsChange(db());
    return result;
  });

  onMessage('updateSettings', async ({ data }) => {
    const settings = await updateSettings(db(), data);
    await syncVisitSettings(db());
    await afterSubscriptionsChange(db(), Date.now());
    return settings;
  });

  onMessage('editSeries', async ({ data }) => {
    const result = await editSeries(db(), data, Date.now());
    await afterPostsChange(db());
    return result;
  });
  onMessage('syncContentScripts', async () => ({ patterns: await afterSubscriptionsChange(db(), Date.now()) }));
  registerImportExportHandlers();
}
