// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_PAGE_KEY } from '@/lib/reading-list/first-page-key';
import type { FirstPage } from '@/lib/reading-list/types';
import { paintFirstPage } from './paint-first-page';

const PAGE: FirstPage = {
  version: 1,
  unread: 2,
  hasMore: false,
  hasSubscriptions: true,
  theme: 'dark',
  failing: [],
  groups: [
    {
      key: 'feed:1',
      kind: 'feed',
      name: 'Kfir’s blog',
      subscriptionId: 1,
      feedTitle: 'Kfir’s blog',
      newestUnreadAt: Date.UTC(2026, 0, 2),
      posts: [1, 2].map((id) => ({ id, title: `Modern Python in Practice #${id}`, url: `https://blog.test/${id}`, sortAt: Date.UTC(2026, 0, id), subscriptionId: 1, feedTitle: 'Kfir’s blog', unread: true, isNext: false })),
    },
  ],
};

afterEach(() => {
  // Drops a readyState a test set on the document itself, back to the document's real one.
  Reflect.deleteProperty(document, 'readyState');
  document.body.replaceChildren();
  delete document.documentElement.dataset.theme;
  vi.restoreAllMocks();
});

function appRoot(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
  return root;
}

describe('paintFirstPage', () => {
  it.each([
    { case: 'a stored page with groups is painted, inert, in its theme', stored: PAGE, posts: ['Modern Python in Practice #1', 'Modern Python in Practice #2'], theme: 'dark' },
    { case: 'a page with no groups leaves the root to the app', stored: { ...PAGE, groups: [] }, posts: [], theme: undefined },
    { case: 'nothing stored leaves the root to the app', stored: undefined, posts: [], theme: undefined },
    { case: 'a corrupt page is ignored', stored: { version: 1, groups: 'broken' }, posts: [], theme: undefined },
  ])('$case', async ({ stored, posts, theme }) => {
    if (stored) await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: stored });
    const root = appRoot();
    const page = await paintFirstPage(document);
    expect(page).toEqual(stored && 'unread' in stored ? stored : undefined);
    expect([...document.querySelectorAll('[data-post-link]')].map((link) => link.textContent)).toEqual(posts);
    expect(document.querySelector('main')?.hasAttribute('inert') ?? false).toBe(posts.length > 0);
    // The app's root stays untouched: the app's own copy of Preact starts from it.
    expect(root.childNodes).toHaveLength(0);
    expect(document.documentElement.dataset.theme).toBe(theme);
  });

  it('waits for the parser to reach the root when storage answers first', async () => {
    await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: PAGE });
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const painted = paintFirstPage(document);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.querySelectorAll('[data-post-link]')).toHaveLength(0);
    appRoot();
    // Parsing is done: the preview paints now, without waiting for the modules DOMContentLoaded waits for.
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    document.dispatchEvent(new Event('readystatechange'));
    expect(await painted).toEqual(PAGE);
    expect(document.querySelectorAll('[data-post-link]')).toHaveLength(2);
  });

  it('still hands the page on when painting it fails', async () => {
    await fakeBrowser.storage.session.set({ [FIRST_PAGE_KEY]: PAGE });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    appRoot();
    vi.spyOn(HTMLElement.prototype, 'insertBefore').mockImplementation(() => {
      throw new Error('no room');
    });
    expect(await paintFirstPage(document)).toEqual(PAGE);
    expect(error).toHaveBeenCalledWith('Partwise: the first page could not be painted', new Error('no room'));
  });
});
