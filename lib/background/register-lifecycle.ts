import { browser } from 'wxt/browser';
import { database, getSettings, pruneReadPosts } from '../db';
import { DAILY_ALARM, ensureDailyAlarm, REFRESH_ALARM } from '../refresh/alarms';
import { refreshAll } from '../refresh/refresh-all';
import { afterSubscriptionsChange } from './after-change';
import { backgroundDeps } from './background-deps';
import { syncVisitSettings } from './visit-settings';

/** Refreshes what is due, then re-arms the alarm: what a stopped worker left undone is simply still due. */
export async function refreshDue(): Promise<void> {
  const deps = backgroundDeps();
  await refreshAll(deps);
  await afterSubscriptionsChange(deps.db, deps.now());
}

async function startUp(): Promise<void> {
  await ensureDailyAlarm();
  await syncVisitSettings(database());
  await refreshDue();
}

function report(task: string): (error: unknown) => void {
  return (error) => console.error(`Partwise: ${task} failed`, error);
}

/** Registers install/start-up and alarm listeners; call synchronously from main(). */
export function registerLifecycle(): void {
  browser.runtime.onInstalled.addListener(() => void startUp().catch(report('start-up after install')));
  browser.runtime.onStartup.addListener(() => void startUp().catch(report('start-up')));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshDue().catch(report('scheduled refresh'));
    if (alarm.name === DAILY_ALARM) {
      const db = database();
      void getSettings(db)
        .then((settings) => pruneReadPosts(db, settings.retentionDays, Date.now()))
        .catch(report('pruning read posts'));
    }
  });
}
