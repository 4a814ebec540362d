import { browser } from 'wxt/browser';
import { database } from '../db';
import { onTrustedMessage } from './on-trusted-message';
import { grantedOriginTest } from '../permissions/granted-origins';
import type { ApplyResult } from '../sync/apply-doc';
import { syncWholeLibrary } from '../sync/record-local';
import { SYNC_ALARM } from '../sync/schedule-flush';
import { flushSync, receiveSync } from '../sync/sync-engine';
import { markSeeded, setSyncEnabled, wasSeeded } from '../sync/sync-store';
import { webOrigin } from '../urls/web-origin';
import { afterPostsChange, afterSubscriptionsChange } from './after-change';
import { runRefresh } from './run-refresh';
import { syncVisitSettings } from './visit-settings';

function report(task: string): (error: unknown) => void {
  return (error) => console.error(`Partwise: sync ${task} failed`, error);
}

/** Fetches subscriptions that arrived from another device (those this browser may access), then updates the views. */
async function afterApply(result: ApplyResult): Promise<void> {
  const db = database();
  if (result.settingsChanged) await syncVisitSettings(db);
  if (result.added.length > 0) {
    const granted = await grantedOriginTest();
    const subscriptions = await db.subscriptions.bulkGet(result.added);
    const ids = subscriptions.filter((s) => s !== undefined && granted(webOrigin(s.feedUrl) ?? '')).map((s) => s!.id);
    // Feeds without host access wait here; the options page and the popup offer to grant it.
    if (ids.length > 0) await runRefresh({ ids });
  }
  if (result.subscriptionsChanged || result.settingsChanged) await afterSubscriptionsChange(db, Date.now());
  else if (result.postsChanged > 0) await afterPostsChange(db);
}

/** Records the library for sync the first time this version runs (a new install, or the update that brought sync). */
async function seedOnce(): Promise<void> {
  if (await wasSeeded()) return;
  await syncWholeLibrary(database(), Date.now());
  await markSeeded();
}

/** Sends pending changes now. */
export function flushSyncNow(): Promise<void> {
  return flushSync(database(), Date.now(), afterApply);
}

/** Registers sync's listeners (changes from other devices, the send alarm, install/start-up) and messages. */
export function registerSync(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    void receiveSync(database(), Date.now(), afterApply, changes).catch(report('receiving changes'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void flushSyncNow().catch(report('sending changes'));
  });
  browser.runtime.onInstalled.addListener(() => {
    void seedOnce()
      .then(() => receiveSync(database(), Date.now(), afterApply))
      .catch(report('start-up after install'));
  });
  browser.runtime.onStartup.addListener(() => {
    void receiveSync(database(), Date.now(), afterApply)
      .then(flushSyncNow)
      .catch(report('start-up'));
  });
  onTrustedMessage('setSyncEnabled', async ({ data }) => {
    await setSyncEnabled(data.enabled);
    if (!data.enabled) {
      await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    await syncWholeLibrary(database(), Date.now());
    await receiveSync(database(), Date.now(), afterApply);
    await flushSyncNow();
  });
  onTrustedMessage('syncNow', async () => {
    await flushSyncNow();
    await receiveSync(database(), Date.now(), afterApply);
  });
}
