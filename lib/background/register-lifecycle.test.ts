import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addSubscription, database } from '../db';
import { DAILY_ALARM, ensureRefreshAlarm, REFRESH_ALARM } from '../refresh/alarms';
import { registerLifecycle } from './register-lifecycle';

const NOW = Date.UTC(2026, 10, 1);

describe('the refresh alarm is never lost', () => {
  beforeEach(async () => {
    // Cleared, not deleted: the housekeeping an earlier test started may still be reading it.
    await Promise.all(database().tables.map((table) => table.clear()));
    // Housekeeping also redraws the badge, which the fake browser lacks: that failure is logged, not thrown.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('the daily alarm sets a refresh alarm when none exists', async () => {
    await addSubscription(database(), { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, Date.now() + 3_600_000);
    registerLifecycle();
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAILY_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeDefined());
  });

  it.each<[string, number | undefined, number]>([
    ['sets one when it is missing', undefined, NOW + 3_600_000],
    ['leaves an existing one alone', NOW + 60_000, NOW + 60_000],
  ])('ensureRefreshAlarm %s', async (_name, existing, expected) => {
    await addSubscription(database(), { feedUrl: 'https://blog.test/feed.xml', title: 'Blog' }, NOW + 3_600_000);
    if (existing !== undefined) await fakeBrowser.alarms.create(REFRESH_ALARM, { when: existing });
    await ensureRefreshAlarm(database(), NOW);
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ scheduledTime: expected });
  });
});
