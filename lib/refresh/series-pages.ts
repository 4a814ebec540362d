/**
 * A subscription's series pages: pages where the author lists the feed's series in order. Read with
 * the one HTML parser, fetched politely (conditional GET with their own validators, backoff), kept on
 * the subscription with the declarations read from them, which the series assignment then applies.
 */
import { decodeBytes } from '../feeds/decode-bytes';
import type { FetchFailed, FetchGone, FetchNotModified } from '../feeds/fetch';
import { subscriptionPosts, type DeclaredSeries, type PartwiseDatabase, type SeriesPageState, type Subscription } from '../db';
import { refreshTables } from '../db/schema';
import { readSeriesOutline } from '../pages/read-series-outline';
import { countDeclaredPosts } from '../series/apply-declared';
import { outlineDeclarations, replaceDeclarations } from '../series/declarations';
import { t } from '../i18n/t';
import { assignStoredSeries, seriesInput } from './assign-stored-series';
import { fetchFailureMessage } from './error-messages';
import { nextCheckAt } from './schedule';
import { sha256Hex } from './sha256-hex';
import type { FeedFetcher } from './types';

/** A series page is checked at least this often, and whenever its feed brings new posts. */
export const SERIES_PAGE_INTERVAL_MINUTES = 24 * 60;
/** A subscription keeps at most this many series pages. */
export const MAX_SERIES_PAGES = 10;

/** What reading and storing series pages needs. */
export interface SeriesPageDeps {
  db: PartwiseDatabase;
  fetch: FeedFetcher;
  now: () => number;
  random: () => number;
}

/** A series page as just read: where, its validators, and the series it declares. */
export interface ReadSeriesPage {
  state: SeriesPageState;
  declarations: DeclaredSeries[];
}

/** Reads a page's series from its HTML (already fetched, e.g. when subscribing). */
export async function seriesPageFromHtml(url: string, html: string, bodyHash: string | undefined, validators: { etag?: string; lastModified?: string }, now: number): Promise<ReadSeriesPage> {
  const declarations = outlineDeclarations(readSeriesOutline(html, url), url);
  return { state: { url, ...validators, ...(bodyHash ? { bodyHash } : {}), checkedAt: now, errorStreak: 0 }, declarations };
}

/** Why a fetch of a series page brought no page to read, in words for the options page. */
function noPageMessage(outcome: FetchFailed | FetchGone | FetchNotModified): string {
  if (outcome.kind === 'failed') return fetchFailureMessage(outcome);
  // A 304 to a request without validators: the server answered a question it was not asked.
  return outcome.kind === 'gone' ? t('seriesPageErrorGone') : t('seriesPageErrorNotModified');
}

/** Fetches and reads a series page; a failure is thrown as an Error with the reason in words. */
export async function fetchSeriesPage(deps: SeriesPageDeps, url: string): Promise<ReadSeriesPage> {
  const outcome = await deps.fetch(url, {});
  if (outcome.kind !== 'modified') throw new Error(noPageMessage(outcome));
  const html = decodeBytes(outcome.body, outcome.contentType).text;
  return seriesPageFromHtml(outcome.finalUrl, html, await sha256Hex(outcome.body), { etag: outcome.etag, lastModified: outcome.lastModified }, deps.now());
}

/** How many of the subscription's stored posts a page's declarations place. */
export async function countPlacedPosts(db: PartwiseDatabase, subscriptionId: number, declarations: readonly DeclaredSeries[]): Promise<number> {
  const posts = await subscriptionPosts(db, subscriptionId).toArray();
  return countDeclaredPosts(posts.map(seriesInput), declarations);
}

function withPage(pages: readonly SeriesPageState[] | undefined, state: SeriesPageState): SeriesPageState[] {
  const kept = (pages ?? []).filter((page) => page.url !== state.url);
  return [...kept, state].slice(-MAX_SERIES_PAGES);
}

/** Keeps a page as a series page of the subscription (or updates it) and re-assigns the series at once. */
export async function storeSeriesPage(db: PartwiseDatabase, subscriptionId: number, page: ReadSeriesPage, random: number): Promise<void> {
  await db.transaction('rw', refreshTables(db), async () => {
    const current = await db.subscriptions.get(subscriptionId);
    if (!current) return;
    const checkedAt = page.state.checkedAt ?? 0;
    const state = { ...page.state, nextCheckAt: nextCheckAt({ now: checkedAt, intervalMinutes: SERIES_PAGE_INTERVAL_MINUTES, errorStreak: 0, random }) };
    await db.subscriptions.put({
      ...current,
      seriesPages: withPage(current.seriesPages, state),
      declaredSeries: replaceDeclarations(current.declaredSeries, 'series-page', page.state.url, page.declarations),
    });
    await assignStoredSeries(db, subscriptionId);
  });
}

/** Forgets a series page and what it declared, and re-assigns the series. */
export async function removeSeriesPage(db: PartwiseDatabase, subscriptionId: number, url: string): Promise<void> {
  await db.transaction('rw', refreshTables(db), async () => {
    const current = await db.subscriptions.get(subscriptionId);
    if (!current) return;
    await db.subscriptions.put({
      ...current,
      seriesPages: (current.seriesPages ?? []).filter((page) => page.url !== url),
      declaredSeries: replaceDeclarations(current.declaredSeries, 'series-page', url, []),
    });
    await assignStoredSeries(db, subscriptionId);
  });
}

async function patchPage(db: PartwiseDatabase, subscriptionId: number, url: string, patch: Partial<SeriesPageState>): Promise<void> {
  await db.transaction('rw', db.subscriptions, async () => {
    const current = await db.subscriptions.get(subscriptionId);
    if (!current?.seriesPages) return;
    await db.subscriptions.put({ ...current, seriesPages: current.seriesPages.map((page) => (page.url === url ? { ...page, ...patch } : page)) });
  });
}

/** Checks one series page: conditional GET with its own validators; unchanged pages cost no parse, failures back off. */
export async function refreshSeriesPage(deps: SeriesPageDeps, subscription: Pick<Subscription, 'id'>, page: SeriesPageState): Promise<'updated' | 'unchanged' | 'failed'> {
  const outcome = await deps.fetch(page.url, { etag: page.etag, lastModified: page.lastModified });
  const now = deps.now();
  const schedule = (errorStreak: number): number =>
    nextCheckAt({ now, intervalMinutes: SERIES_PAGE_INTERVAL_MINUTES, errorStreak, random: deps.random() });
  if (outcome.kind === 'failed' || outcome.kind === 'gone') {
    const errorStreak = (page.errorStreak ?? 0) + 1;
    const lastError = noPageMessage(outcome);
    await patchPage(deps.db, subscription.id, page.url, { checkedAt: now, errorStreak, lastError, nextCheckAt: Math.max(schedule(errorStreak), outcome.kind === 'failed' ? (outcome.retryAt ?? 0) : 0) });
    return 'failed';
  }
  if (outcome.kind === 'not-modified') {
    await patchPage(deps.db, subscription.id, page.url, { checkedAt: now, errorStreak: 0, lastError: undefined, nextCheckAt: schedule(0) });
    return 'unchanged';
  }
  const bodyHash = await sha256Hex(outcome.body);
  if (bodyHash === page.bodyHash) {
    await patchPage(deps.db, subscription.id, page.url, { checkedAt: now, errorStreak: 0, lastError: undefined, etag: outcome.etag, lastModified: outcome.lastModified, nextCheckAt: schedule(0) });
    return 'unchanged';
  }
  const html = decodeBytes(outcome.body, outcome.contentType).text;
  // The page keeps the address the user gave, so a redirect does not make a second series page.
  const read = await seriesPageFromHtml(page.url, html, bodyHash, { etag: outcome.etag, lastModified: outcome.lastModified }, now);
  await storeSeriesPage(deps.db, subscription.id, read, deps.random());
  return 'updated';
}

/** The series pages to check now: those due, and all pages of feeds that just brought new posts. */
export function dueSeriesPages(subscriptions: readonly Subscription[], withNewPosts: ReadonlySet<number>, now: number): { subscription: Subscription; page: SeriesPageState }[] {
  const due: { subscription: Subscription; page: SeriesPageState }[] = [];
  for (const subscription of subscriptions) {
    if (subscription.archivedAt !== undefined) continue;
    for (const page of subscription.seriesPages ?? []) {
      const isDue = (page.nextCheckAt ?? 0) <= now;
      // New posts in the feed call for a look at once, unless the page is backing off after failures.
      const backingOff = (page.errorStreak ?? 0) > 0 && !isDue;
      if (isDue || (withNewPosts.has(subscription.id) && !backingOff)) due.push({ subscription, page });
    }
  }
  return due;
}
