import { DbError } from './db-error';
import type { PartwiseDatabase } from './schema';
import type { SettingRecord } from './types';

/** How a post gets marked read when the user opens it. */
export type MarkMode = 'visit' | 'dwell' | 'scroll';

/** Colour scheme preference. */
export type Theme = 'system' | 'light' | 'dark';

/**
 * The one bound of a refresh interval, in minutes, wherever it is set: the default setting, a feed's
 * own interval, a server's freshness hint, a restored backup. Never more often than every 10 minutes
 * (polite to the sites), never less than daily (a reader that checks less often misses the news).
 */
export const REFRESH_MINUTES_BOUNDS = Object.freeze({ min: 10, max: 24 * 60 });

/** User settings, always complete (defaults fill what is not stored). */
export interface Settings {
  /** Refresh interval for subscriptions without their own; integer within REFRESH_MINUTES_BOUNDS, default 30. */
  defaultRefreshMinutes: number;
  /** Global switch for new-post notifications; default true. */
  notifications: boolean;
  /** default 'visit'. */
  markMode: MarkMode;
  /** Seconds on a page before it counts as read in 'dwell' mode; integer 1..600, default 10. */
  dwellSeconds: number;
  /** Read posts older than this may be pruned; integer 1..36500, default 90. */
  retentionDays: number;
  /** default 'system'. */
  theme: Theme;
  /** default false. */
  showNextInSeries: boolean;
  /** default false. */
  allowAllSites: boolean;
}

/** Values used for every setting the user has not changed. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  defaultRefreshMinutes: 30,
  notifications: true,
  markMode: 'visit',
  dwellSeconds: 10,
  retentionDays: 90,
  theme: 'system',
  showNextInSeries: false,
  allowAllSites: false,
});

type Validators = { [K in keyof Settings]: (value: unknown) => value is Settings[K] };

const isIntegerIn =
  (min: number, max: number) =>
  (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isOneOf =
  <T extends string>(...options: T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (options as string[]).includes(value);

// Bounds keep a corrupted or hand-edited value from, e.g., refreshing every millisecond.
const VALIDATORS: Validators = {
  defaultRefreshMinutes: isIntegerIn(REFRESH_MINUTES_BOUNDS.min, REFRESH_MINUTES_BOUNDS.max),
  notifications: isBoolean,
  markMode: isOneOf<MarkMode>('visit', 'dwell', 'scroll'),
  dwellSeconds: isIntegerIn(1, 600),
  retentionDays: isIntegerIn(1, 36_500),
  theme: isOneOf<Theme>('system', 'light', 'dark'),
  showNextInSeries: isBoolean,
  allowAllSites: isBoolean,
};

function isSettingKey(key: string): key is keyof Settings {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, key);
}

function assign<K extends keyof Settings>(target: Settings, key: K, value: unknown): boolean {
  if (!VALIDATORS[key](value)) return false;
  target[key] = value;
  return true;
}

/** Reads all settings; unknown keys and invalid stored values fall back to DEFAULT_SETTINGS. */
export async function getSettings(db: PartwiseDatabase): Promise<Settings> {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const record of await db.settings.toArray()) {
    if (isSettingKey(record.key)) assign(settings, record.key, record.value);
  }
  return settings;
}

/** Validates and stores `patch` atomically, returning the resulting settings; throws DbError('invalid'). */
export async function updateSettings(db: PartwiseDatabase, patch: Partial<Settings>): Promise<Settings> {
  const records: SettingRecord[] = [];
  const probe: Settings = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!isSettingKey(key) || !assign(probe, key, value)) {
      throw new DbError('invalid', `Invalid setting ${key}: ${JSON.stringify(value)}`);
    }
    records.push({ key, value: probe[key] });
  }
  return db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut(records);
    return getSettings(db);
  });
}
