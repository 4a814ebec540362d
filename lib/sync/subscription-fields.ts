import type { Subscription, SubscriptionPatch } from '../db';
import { MAX_SERIES_PAGES } from '../refresh/series-pages';
import { clampIntervalMinutes } from '../refresh/schedule';
import { webOrigin } from '../urls/web-origin';
import type { SyncValue } from './sync-doc';

/** How one user-editable subscription field syncs: its value as stored in sync, and back as a library patch. */
export interface SyncedField {
  read: (subscription: Subscription) => SyncValue;
  /** The value a new subscription has; a subscribe sends only fields that differ from it. */
  fallback: SyncValue;
  /** The library patch for a synced value (given the subscription here), or undefined when the value is not valid (bad input is ignored). */
  patch: (value: SyncValue, current: Subscription) => SubscriptionPatch | undefined;
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

const MAX_URL_LENGTH = 2048;
const MAX_KEY_LENGTH = 500;

/**
 * A followed page (`listing`): the key of the list of posts it follows ('' until its first refresh picks
 * one), null for a feed. Only the choice syncs; what the list held last (its hash) stays per device.
 */
const page: SyncedField = {
  read: (s) => (s.listing === undefined ? null : (s.listing.key ?? '')),
  fallback: null,
  // A feed here never turns into a page (apply-doc creates a page from the start): only the chosen list changes.
  patch: (v, current) => {
    if (typeof v !== 'string' || v.length > MAX_KEY_LENGTH || current.listing === undefined) return undefined;
    return (current.listing.key ?? '') === v ? {} : { listing: v === '' ? {} : { key: v } };
  },
};

/**
 * The series pages the user keeps, as their URLs; their fetched state (validators, errors, schedule)
 * stays per device. A page new here starts due, so the next refresh reads it.
 */
const seriesPages: SyncedField = {
  read: (s) => (s.seriesPages?.length ? s.seriesPages.map((p) => p.url) : null),
  fallback: null,
  patch: (v, current) => {
    const urls = v === null ? [] : Array.isArray(v) ? v : undefined;
    if (!urls || urls.length > MAX_SERIES_PAGES) return undefined;
    if (!urls.every((url): url is string => typeof url === 'string' && url.length <= MAX_URL_LENGTH && webOrigin(url) !== undefined)) return undefined;
    const known = new Map((current.seriesPages ?? []).map((p) => [p.url, p]));
    return { seriesPages: [...new Set(urls)].map((url) => known.get(url) ?? { url }) };
  },
};

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
  page,
  seriesPages,
};

/** Settings about reading that sync (not per-device ones such as site access). */
export const SYNCED_SETTINGS = ['defaultRefreshMinutes', 'notifications', 'markMode', 'dwellSeconds', 'retentionDays', 'theme', 'showNextInSeries'] as const;

/** Names of the synced fields whose value differs from a new subscription's. */
export function changedFromDefaults(subscription: Subscription): string[] {
  return Object.entries(SYNCED_SUBSCRIPTION_FIELDS)
    .filter(([, field]) => field.read(subscription) !== field.fallback)
    .map(([name]) => name);
}
