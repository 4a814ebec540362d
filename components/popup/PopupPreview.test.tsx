// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FirstPage, ReadingPost } from '@/lib/reading-list/types';
import { PopupPreview } from './PopupPreview';

afterEach(cleanup);

function post(id: number, title: string, patch: Partial<ReadingPost> = {}): ReadingPost {
  return { id, title, url: `https://blog.test/${id}`, sortAt: Date.UTC(2026, 0, id), subscriptionId: 1, feedTitle: 'Kfir’s blog', unread: true, isNext: false, ...patch };
}

const page: FirstPage = {
  version: 1,
  unread: 3,
  hasMore: false,
  hasSubscriptions: true,
  theme: 'dark',
  failing: [{ id: 2, title: 'Gone blog', message: 'This feed no longer exists (HTTP 410).', gone: true }],
  groups: [
    {
      key: 'series:1:fastapi',
      kind: 'series',
      name: 'From Passive FastAPI Developer to Real FastAPI Engineer',
      subscriptionId: 1,
      feedTitle: 'Kfir’s blog',
      seriesKey: 'fastapi',
      progress: { read: 1, total: 3 },
      newestUnreadAt: Date.UTC(2026, 0, 3),
      posts: [
        post(2, 'From Passive FastAPI Developer to Real FastAPI Engineer – Part 2', { part: 2, partLabel: 'Part 2', isNext: true, seriesKey: 'fastapi' }),
        post(3, 'From Passive FastAPI Developer to Real FastAPI Engineer – Part 3', { part: 3, partLabel: 'Part 3', seriesKey: 'fastapi' }),
      ],
    },
    { key: 'feed:1', kind: 'feed', name: 'Kfir’s blog', subscriptionId: 1, feedTitle: 'Kfir’s blog', newestUnreadAt: Date.UTC(2026, 0, 1), posts: [post(1, '<img src=x onerror=alert(1)>')] },
  ],
};

describe('PopupPreview', () => {
  it('shows the stored first page: count, failing feeds and groups in order, as text', () => {
    render(<PopupPreview page={page} />);
    expect(screen.getByLabelText('3 unread').textContent).toBe('3');
    expect(screen.getByText('Gone blog').closest('li')?.className).toBe('gone');
    const sections = screen.getAllByRole('region');
    expect(sections.map((section) => section.getAttribute('aria-label'))).toEqual(['From Passive FastAPI Developer to Real FastAPI Engineer', 'Kfir’s blog']);
    expect(within(sections[0]!).getAllByRole('link').map((link) => link.textContent)).toEqual(['Part 2', 'Part 3']);
    expect(within(sections[0]!).getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual([
      'From Passive FastAPI Developer to Real FastAPI Engineer – Part 2',
      'From Passive FastAPI Developer to Real FastAPI Engineer – Part 3',
    ]);
    expect(within(sections[1]!).getByRole('link').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('is inert and marked busy until the app takes over', () => {
    const { container } = render(<PopupPreview page={page} />);
    const main = container.querySelector('main')!;
    expect(main.hasAttribute('inert')).toBe(true);
    expect(main.getAttribute('aria-busy')).toBe('true');
  });

  it('paints the groups of the first screen only; the app renders the rest', () => {
    const feeds = Array.from({ length: 30 }, (_, i) => ({ ...page.groups[1]!, key: `feed:${i + 10}`, name: `Blog ${i}`, posts: [post(i + 10, `Post ${i}`)] }));
    render(<PopupPreview page={{ ...page, unread: 30, groups: feeds }} />);
    expect(screen.getAllByRole('region').map((section) => section.getAttribute('aria-label'))).toEqual(feeds.slice(0, 20).map((feed) => feed.name));
    expect(screen.getByLabelText('30 unread').textContent).toBe('30');
  });
});
