import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings } from '../db';
import { useTestDatabase } from '../db/test-support';
import { ALL_SITES_ORIGINS, requestRestoreAccess } from '../permissions/request-origins';
import { restoreBackup } from './restore-backup';
import { VISIT_SETTINGS_KEY } from './visit-settings';

const NOW = Date.UTC(2026, 10, 1);

afterEach(() => vi.restoreAllMocks());
const backup = (settings: object, feeds: string[] = []) =>
  JSON.stringify({
    format: 'partwise-backup',
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    settings,
    subscriptions: feeds.map((feedUrl) => ({ feedUrl, title: feedUrl, tags: [], notify: true, markOnVisit: true, createdAt: new Date(NOW).toISOString(), read: [], seriesOverrides: [] })),
  });

describe('restoreBackup', () => {
  const db = useTestDatabase();

  it('re-syncs the content script’s copy of the marking settings', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    await restoreBackup(db(), backup({ markMode: 'scroll', showNextInSeries: true }), NOW);
    const stored = await fakeBrowser.storage.local.get(VISIT_SETTINGS_KEY);
    expect(stored[VISIT_SETTINGS_KEY]).toMatchObject({ mode: 'scroll', showNextInSeries: true });
  });

  it.each([
    [false, false],
    [true, true],
  ])('with access to all sites %s, restores “allow all sites” as %s', async (granted, expected) => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted as never);
    await restoreBackup(db(), backup({ allowAllSites: true }), NOW);
    expect(contains).toHaveBeenCalledWith({ origins: [...ALL_SITES_ORIGINS] });
    expect((await getSettings(db())).allowAllSites).toBe(expected);
  });
});

describe('requestRestoreAccess', () => {
  it.each<[string, string[], boolean, string[] | undefined]>([
    ['the sites of the restored feeds', ['https://a.test/feed.xml', 'https://a.test/other.xml', 'http://b.test:8080/rss'], false, ['https://a.test/*', 'http://b.test/*']],
    ['all sites too when the backup had them', ['https://a.test/feed.xml'], true, ['https://a.test/*', ...ALL_SITES_ORIGINS]],
    ['nothing for an empty backup', [], false, undefined],
  ])('asks for %s in one request', async (_name, feeds, allSites, expected) => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await expect(requestRestoreAccess(feeds, allSites)).resolves.toBe(true);
    if (expected) expect(request).toHaveBeenCalledExactlyOnceWith({ origins: expected });
    else expect(request).not.toHaveBeenCalled();
  });
});
