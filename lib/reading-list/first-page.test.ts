import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setRead, upsertPosts } from '../db';
import { item, subscribe, T0, useTestDatabase } from '../db/test-support';
import { FIRST_PAGE_KEY, sessionStore } from './first-page-key';
import { isFirstPage, readFirstPage } from './read-first-page';
import { shareFirstPage, takeSharedFirstPage, type FirstPageHost } from './share-first-page';
import { buildFirstPage, storeFirstPage } from './store-first-page';
import type { FirstPage } from './types';

const PAGE: FirstPage = { version: 1, unread: 0, groups: [], hasMore: false, failing: [], hasSubscriptions: true, theme: 'system' };

describe('isFirstPage', () => {
  it.each([
    { case: 'a current page', value: PAGE, valid: true },
    { case: 'a dark page with a group', value: { ...PAGE, theme: 'dark', groups: [{ key: 'feed:1', posts: [] }] }, valid: true },
    { case: 'nothing stored', value: undefined, valid: false },
    { case: 'null', value: null, valid: false },
    { case: 'a string', value: 'page', valid: false },
    { case: 'a later version', value: { ...PAGE, version: 2 }, valid: false },
    { case: 'groups that are not a list', value: { ...PAGE, groups: {} }, valid: false },
    { case: 'a group without posts', value: { ...PAGE, groups: [{ key: 'feed:1' }] }, valid: false },
    { case: 'an unread count as text', value: { ...PAGE, unread: '3' }, valid: false },
    { case: 'an unknown theme', value: { ...PAGE, theme: 'sepia' }, valid: false },
    { case: 'no failing list', value: { ...PAGE, failing: undefined }, valid: false },
  ])('$case → $valid', ({ value, valid }) => {
    expect(isFirstPage(value)).toBe(valid);
  });
});

describe('readFirstPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the page the background stored', async () => {
    await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: PAGE });
    expect(await readFirstPage()).toEqual(PAGE);
  });

  it('gives nothing for a corrupt page, so the popup loads from the library', async () => {
    await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: { version: 1, groups: 'broken' } });
    expect(await readFirstPage()).toBeUndefined();
  });

  it('gives nothing, with a warning, when storage fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = { get: () => Promise.reject(new Error('storage unavailable')) };
    expect(await readFirstPage(failing)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Partwise: the first page could not be read', new Error('storage unavailable'));
  });
});

describe('sessionStore', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("uses Firefox's own browser namespace where there is one", async () => {
    const session = { get: vi.fn(async () => ({ [FIRST_PAGE_KEY]: PAGE })) };
    vi.stubGlobal('browser', { storage: { session } });
    expect(await readFirstPage(sessionStore())).toEqual(PAGE);
    expect(session.get).toHaveBeenCalledWith(FIRST_PAGE_KEY);
  });

  it("uses Chrome's chrome namespace otherwise", async () => {
    vi.stubGlobal('browser', undefined);
    await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: PAGE });
    expect(sessionStore()).toBe(chrome.storage.session);
    expect(await readFirstPage(sessionStore())).toEqual(PAGE);
  });
});

describe('the first page shared by the popup page', () => {
  it("is left by the page's classic script and taken once by the module", async () => {
    const host: FirstPageHost = {};
    shareFirstPage(host, Promise.resolve(PAGE));
    const pending = takeSharedFirstPage(host);
    expect(await pending).toEqual(PAGE);
    expect(takeSharedFirstPage(host)).toBeUndefined();
  });

  it('is missing when the classic script did not run, so the module reads storage itself', () => {
    expect(takeSharedFirstPage({})).toBeUndefined();
  });
});

describe('storeFirstPage', () => {
  const db = useTestDatabase();

  it('stores what the popup shows first: unread posts by group, the count and the theme', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('a', { published: T0 }), item('b', { published: T0 + 1 })], T0);
    await storeFirstPage(db());
    const stored = await readFirstPage();
    expect(stored).toEqual(await buildFirstPage(db()));
    expect(stored).toMatchObject({ unread: 2, hasSubscriptions: true, theme: 'system', failing: [] });
    expect(stored?.groups.map((group) => group.posts.map((post) => post.title))).toEqual([['Post b', 'Post a']]);
  });

  it('ends with the latest state when changes come in quick succession', async () => {
    const sub = await subscribe(db());
    const { added } = await upsertPosts(db(), sub.id, [item('a'), item('b')], T0);
    const first = storeFirstPage(db());
    await setRead(db(), [added[0]!.id], true, T0);
    const second = storeFirstPage(db());
    await Promise.all([first, second]);
    expect((await readFirstPage())?.unread).toBe(1);
  });

  it('keeps storing after a failed store', async () => {
    const sub = await subscribe(db());
    await upsertPosts(db(), sub.id, [item('a')], T0);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(storeFirstPage(db())).rejects.toThrow('quota');
    await storeFirstPage(db());
    expect(set).toHaveBeenCalledTimes(2);
    expect((await readFirstPage())?.unread).toBe(1);
  });
});
