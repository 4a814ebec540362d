import type { Subscription, SubscriptionPatch } from '../db';
import { clampIntervalMinutes } from '../refresh/schedule';
import type { SyncValue } from './sync-doc';

/** How one user-editable subscription field syncs: its value as stored in sync, and back as a library patch. */
export interface SyncedField {
  read: (subscription: Subscription) => SyncValue;
  /** The value a new subscription has; a subscribe sends only fields that differ from it. */
  fallback: SyncValue;
  /** The library patch for a synced value, or undefined when the value is not valid (bad input is ignored). */
  patch: (value: SyncValue) => SubscriptionPatch | undefined;
}

const optionalText = (key: 'customTitle'): SyncedField => ({
  read: (s) => s[key] ?? null,
  fallback: null,
  patch: (v) => (v === null ? { [key]: undefined } : typeof v === 'string' && v.length <= 500 ? { [key]: v } : undefined),
});

const flag = (key: 'notify' | 'markOnVisit'): SyncedField => ({
  read: (s) => s[key],
  fallback: true,
  patch: (v) => (typeof v === 'boolean' ? { [key]: v } : undefined),
});

/**
 * The subscription fields that sync, by synced name. To sync another field (a followed page's kind,
 * series pages), add one entry here: the wire format needs no change, records without the field stay
 * valid, and a device that does not know the field keeps it when it merges.
 */
export const SYNCED_SUBSCRIPTION_FIELDS: Readonly<Record<string, SyncedField>> = {
  customTitle: optionalText('customTitle'),
  notify: flag('notify'),
  markOnVisit: flag('markOnVisit'),
  refreshMinutes: {
    read: (s) => s.refreshMinutes ?? null,
    fallback: null,
    patch: (v) => (v === null ? { refreshMinutes: undefined } : typeof v === 'number' ? { refreshMinutes: clampIntervalMinutes(v) } : undefined),
  },
};

/** Settings about reading that sync (not per-device ones such as site access). */
export const SYNCED_SETTINGS = ['defaultRefreshMinutes', 'notifications', 'markMode', 'dwellSeconds', 'retentionDays', 'theme', 'showNextInSeries'] as const;

/** Names of the synced fields whose value differs from a new subscription's. */
export function changedFromDefaults(subscription: Subscription): string[] {
  return Object.entries(SYNCED_SUBSCRIPTION_FIELDS)
    .filter(([, field]) => field.read(subscription) !== field.fallback)
    .map(([name]) => name);
}
