import { browser } from 'wxt/browser';
import { database, getSettings, pruneReadPosts } from '../db';
import { DAILY_ALARM, ensureDailyAlarm, ensureRefreshAlarm, REFRESH_ALARM } from '../refresh/alarms';
import { afterPostsChange } from './after-change';
import { runRefresh } from './run-refresh';
import { syncVisitSettings } from './visit-settings';

async function startUp(): Promise<void> {
  await ensureDailyAlarm();
  // Before anything that could throw: a missing refresh alarm would end polling.
  await ensureRefreshAlarm(database(), Date.now());
  await syncVisitSettings(database());
  await runRefresh();
}

function report(task: string): (error: unknown) => void {
  return (error) => console.error(`Partwise: ${task} failed`, error);
}

/** Registers install/start-up and alarm listeners; call synchronously from main(). */
export function registerLifecycle(): void {
  browser.runtime.onInstalled.addListener(() => void startUp().catch(report('start-up after install')));
  browser.runtime.onStartup.addListener(() => void startUp().catch(report('start-up')));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void runRefresh().catch(report('scheduled refresh'));
    if (alarm.name === DAILY_ALARM) {
      const db = database();
      // The daily wake-up also repairs a refresh schedule that was lost.
      void ensureRefreshAlarm(db, Date.now()).catch(report('checking the refresh alarm'));
      void getSettings(db)
        .then((settings) => pruneReadPosts(db, settings.retentionDays, Date.now()))
        // Pruned read posts change series progress on the popup's first page.
        .then(() => afterPostsChange(db))
        .catch(report('pruning read posts'));
    }
  });
}
