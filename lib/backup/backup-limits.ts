/** Upper bounds that no genuine backup reaches; anything beyond is treated as damage. */
export const BACKUP_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  subscriptions: 20_000,
  readMarksPerSubscription: 200_000,
  seriesOverridesPerSubscription: 10_000,
  tagsPerSubscription: 200,
  tagLength: 200,
  titleLength: 2_000,
  postIdLength: 4_096,
  kindLength: 100,
  settings: 1_000,
  settingKeyLength: 200,
  settingValueLength: 100_000,
  listingKeyLength: 2_000,
} as const;
