import { describe, expect, it } from 'vitest';
import { DbError } from './db-error';
import { DEFAULT_SETTINGS, getSettings, updateSettings, type Settings } from './settings';
import { useTestDatabase } from './test-support';

const db = useTestDatabase();

describe('getSettings', () => {
  it('returns the defaults on an empty database', async () => {
    expect(await getSettings(db())).toEqual({
      defaultRefreshMinutes: 30,
      notifications: true,
      markMode: 'visit',
      dwellSeconds: 10,
      retentionDays: 90,
      theme: 'system',
      showNextInSeries: false,
      allowAllSites: false,
    });
  });

  it.each([
    ['defaultRefreshMinutes', 'often'],
    ['defaultRefreshMinutes', 0],
    ['defaultRefreshMinutes', 2.5],
    ['notifications', 1],
    ['markMode', 'hover'],
    ['dwellSeconds', -1],
    ['retentionDays', null],
    ['theme', 'sepia'],
    ['showNextInSeries', 'yes'],
  ] as const)('ignores an invalid stored %s (%j)', async (key, value) => {
    await db().settings.put({ key, value });
    const settings = await getSettings(db());
    expect(settings[key]).toEqual(DEFAULT_SETTINGS[key]);
  });

  it('merges valid stored values and ignores unknown keys', async () => {
    await db().settings.bulkPut([
      { key: 'retentionDays', value: 30 },
      { key: 'theme', value: 'dark' },
      { key: 'legacyFlag', value: true },
    ]);
    const settings = await getSettings(db());
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 30, theme: 'dark' });
    expect(settings).not.toHaveProperty('legacyFlag');
  });
});

describe('updateSettings', () => {
  it('stores a valid patch and returns the merged settings', async () => {
    const result = await updateSettings(db(), { markMode: 'dwell', dwellSeconds: 20, allowAllSites: true });
    expect(result).toEqual({ ...DEFAULT_SETTINGS, markMode: 'dwell', dwellSeconds: 20, allowAllSites: true });
    expect(await getSettings(db())).toEqual(result);
    const second = await updateSettings(db(), { dwellSeconds: 5 });
    expect(second.markMode).toBe('dwell');
    expect(second.dwellSeconds).toBe(5);
  });

  it.each<[string, Record<string, unknown>]>([
    ['non-integer minutes', { defaultRefreshMinutes: 1.5 }],
    ['too small retention', { retentionDays: 0 }],
    ['unknown theme', { theme: 'neon' }],
    ['string boolean', { notifications: 'false' }],
    ['unknown key', { fontSize: 12 }],
  ])('rejects %s without writing anything', async (_label, patch) => {
    const mixed = { retentionDays: 7, ...patch } as Partial<Settings>;
    await expect(updateSettings(db(), mixed)).rejects.toSatisfy(
      (error: unknown) => error instanceof DbError && error.code === 'invalid',
    );
    expect(await db().settings.count()).toBe(0);
  });

  it('skips keys set to undefined', async () => {
    const result = await updateSettings(db(), { theme: undefined, retentionDays: 10 });
    expect(result.theme).toBe('system');
    expect(await db().settings.toArray()).toEqual([{ key: 'retentionDays', value: 10 }]);
  });
});
