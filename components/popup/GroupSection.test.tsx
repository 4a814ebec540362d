// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReadingGroup, ReadingPost } from '@/lib/reading-list/types';
import { GroupSection, type GroupSectionProps } from './GroupSection';

afterEach(cleanup);

function post(id: number, title: string, patch: Partial<ReadingPost> = {}): ReadingPost {
  return { id, title, url: `https://blog.test/${id}`, sortAt: Date.UTC(2026, 0, id), subscriptionId: 1, feedTitle: 'Modern Python', unread: true, isNext: false, ...patch };
}

const series: ReadingGroup = {
  key: 'series:1:mpip',
  kind: 'series',
  name: 'Modern Python in Practice',
  subscriptionId: 1,
  feedTitle: 'Modern Python',
  seriesKey: 'mpip',
  progress: { read: 3, total: 6 },
  newestUnreadAt: 0,
  posts: [
    post(4, 'Modern Python in Practice #4: Authentication', { part: 4, partLabel: '#4', isNext: true, seriesKey: 'mpip' }),
    post(5, 'Modern Python in Practice #5: Async and Background Tasks', { part: 5, partLabel: '#5', seriesKey: 'mpip' }),
  ],
};

function renderGroup(group: ReadingGroup, patch: Partial<GroupSectionProps> = {}) {
  const props: GroupSectionProps = {
    group,
    siblings: [
      { key: 'mpip', name: 'Modern Python in Practice' },
      { key: 'mpa', name: 'Modern Python Advanced' },
    ],
    focusedPostId: undefined,
    onOpen: vi.fn(),
    onToggleRead: vi.fn(),
    onMarkGroupRead: vi.fn(),
    onFocusPost: vi.fn(),
    onSeriesEdit: vi.fn(),
    ...patch,
  };
  render(<GroupSection {...props} />);
  return props;
}

describe('GroupSection', () => {
  it('is a region named after the series, with parts in order, progress and the next part highlighted', () => {
    renderGroup(series);
    const region = screen.getByRole('region', { name: 'Modern Python in Practice' });
    const links = within(region).getAllByRole('link');
    // A part shows its number and its own title; the series' name is said once, in the heading.
    expect(links.map((link) => link.textContent)).toEqual(['Authentication', 'Async and Background Tasks']);
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual(['Modern Python in Practice #4: Authentication', 'Modern Python in Practice #5: Async and Background Tasks']);
    expect(region.querySelectorAll('.feed')).toHaveLength(0);
    expect(region.querySelector('.progress-bar span')?.getAttribute('style')).toContain('width: 50%');
    expect(within(region).getByText('3 of 6 read')).toBeTruthy();
    expect(region.querySelector('li.next')?.textContent).toContain('#4');
    expect(links[0]!.getAttribute('aria-current')).toBe('step');
  });

  it.each<[string, Partial<MouseEventInit>, boolean]>([
    ['a plain click opens in front', {}, false],
    ['ctrl-click opens behind', { ctrlKey: true }, true],
    ['meta-click opens behind', { metaKey: true }, true],
  ])('%s', (_name, init, background) => {
    const props = renderGroup(series);
    fireEvent.click(screen.getAllByRole('link')[0]!, init);
    expect(props.onOpen).toHaveBeenCalledWith(series.posts[0], { background });
  });

  it('opens behind on middle-click', () => {
    const props = renderGroup(series);
    fireEvent(screen.getAllByRole('link')[1]!, new MouseEvent('auxclick', { bubbles: true, button: 1 }));
    expect(props.onOpen).toHaveBeenCalledWith(series.posts[1], { background: true });
  });

  it('marks one post or the whole group read', () => {
    const props = renderGroup(series);
    fireEvent.click(screen.getByRole('button', { name: 'Mark read: Modern Python in Practice #5: Async and Background Tasks' }));
    expect(props.onToggleRead).toHaveBeenCalledWith(series.posts[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read: Modern Python in Practice' }));
    expect(props.onMarkGroupRead).toHaveBeenCalledWith(series);
  });

  it.each<[string, (props: GroupSectionProps) => void, unknown]>([
    [
      'rename',
      () => {
        fireEvent.input(screen.getByLabelText('Series name'), { target: { value: 'Modern Python' } });
        fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
      },
      { kind: 'rename', name: 'Modern Python' },
    ],
    [
      'merge',
      () => {
        fireEvent.change(screen.getByLabelText('Merge into series'), { target: { value: 'mpa' } });
        fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
      },
      { kind: 'merge', intoKey: 'mpa' },
    ],
    ['not a series', () => fireEvent.click(screen.getByRole('button', { name: 'Not a series' })), { kind: 'not-series' }],
    [
      'move a post out',
      () => fireEvent.change(screen.getByLabelText('Move “Modern Python in Practice #4: Authentication” to'), { target: { value: '\u0000none' } }),
      { kind: 'move', postId: 4, seriesKey: null },
    ],
  ])('edits the series: %s', (_name, act, expected) => {
    const props = renderGroup(series);
    const edit = screen.getByRole('button', { name: 'Edit series: Modern Python in Practice' });
    // The editor is built only once opened.
    expect(document.querySelector('.editor-panel')).toBeNull();
    fireEvent.click(edit);
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('group', { name: 'Edit series: Modern Python in Practice' })).toBeTruthy();
    act(props);
    expect(props.onSeriesEdit).toHaveBeenCalledWith(series, expected);
  });

  it('shows a new series without an empty progress bar', () => {
    renderGroup({ ...series, progress: { read: 0, total: 6 } });
    const region = screen.getByRole('region', { name: 'Modern Python in Practice' });
    expect(region.querySelector('.progress-bar')).toBeNull();
    expect(region.textContent).toContain('New series · 6 parts');
  });

  it('opens the editor of a standalone group before any series has loaded, and starts a series from ticked posts', () => {
    const group: ReadingGroup = {
      key: 'feed:3',
      kind: 'feed',
      name: 'Selected posts',
      subscriptionId: 3,
      feedTitle: 'Selected posts',
      newestUnreadAt: 0,
      posts: [post(21, 'Django Channels'), post(22, 'Scaling Django Channels'), post(23, 'Testing consumers'), post(24, 'Unrelated')],
    };
    const props = renderGroup(group, { siblings: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Edit group: Selected posts' }));
    const panel = screen.getByRole('group', { name: 'Edit group: Selected posts' });
    const start = within(panel).getByRole('button', { name: 'Start series' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    for (const title of ['Django Channels', 'Scaling Django Channels', 'Testing consumers']) fireEvent.click(within(panel).getByLabelText(title));
    fireEvent.input(within(panel).getByLabelText('New series name'), { target: { value: 'Django Channels' } });
    fireEvent.click(start);
    expect(props.onSeriesEdit).toHaveBeenCalledWith(group, { kind: 'new-series', name: 'Django Channels', postIds: [21, 22, 23] });
  });

  it('shows titles with markup as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    renderGroup({ ...series, name: hostile, posts: [post(9, hostile, { partLabel: 'Part 1' })] });
    const region = screen.getByRole('region', { name: hostile });
    expect(region.querySelector('img, script')).toBeNull();
    expect(within(region).getByRole('link').getAttribute('aria-label') ?? within(region).getByRole('link').textContent).toBe(hostile);
  });

  it.each([
    ['https://blog.test/p', 'https://blog.test/p'],
    ['HTTP://blog.test/p', 'HTTP://blog.test/p'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///etc/passwd', null],
  ])('links %s only when it is http(s)', (url, href) => {
    renderGroup({ ...series, posts: [post(9, 'A post', { url })] });
    expect(screen.getByText('A post').closest('a')?.getAttribute('href')).toBe(href);
  });

  it('shows feed groups without progress and with each post’s date', () => {
    const group: ReadingGroup = { key: 'feed:2', kind: 'feed', name: 'Daily Backend', subscriptionId: 2, feedTitle: 'Daily Backend', newestUnreadAt: 0, posts: [post(1, 'DNS Deep Dive (2026)')] };
    renderGroup(group, { siblings: [] });
    const region = screen.getByRole('region', { name: 'Daily Backend' });
    expect(region.textContent).toContain('1 unread');
    expect(region.textContent).not.toContain(' read ');
    expect(region.querySelector('time')?.getAttribute('datetime')).toBe(new Date(Date.UTC(2026, 0, 1)).toISOString());
  });
});

describe('GroupSection with a long backlog', () => {
  it('shows the first parts and the rest on request, so rendering cost stays bounded', async () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(100 + i, `Day ${i + 1}`, { part: i + 1, partLabel: `Part ${i + 1}` }));
    renderGroup({ ...series, posts });
    expect(screen.getAllByRole('link')).toHaveLength(8);
    fireEvent.click(screen.getByRole('button', { name: 'Show 4 more' }));
    await waitFor(() => expect(screen.getAllByRole('link')).toHaveLength(12));
  });
});

describe('GroupSection summaries and stars', () => {
  it('shows a summary on demand as text, never as HTML, and stars a post', () => {
    const hostile = '<img src=x onerror="alert(1)">A look at ASGI';
    const onToggleSummary = vi.fn();
    const onToggleStar = vi.fn();
    const { rerender } = render(
      <GroupSection group={series} siblings={[]} focusedPostId={undefined} onOpen={vi.fn()} onToggleRead={vi.fn()} onMarkGroupRead={vi.fn()} onFocusPost={vi.fn()} onSeriesEdit={vi.fn()} onToggleSummary={onToggleSummary} onToggleStar={onToggleStar} />,
    );
    const toggle = screen.getByRole('button', { name: 'Summary: Modern Python in Practice #4: Authentication' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(onToggleSummary).toHaveBeenCalledWith(series.posts[0]);
    rerender(
      <GroupSection group={series} siblings={[]} focusedPostId={undefined} onOpen={vi.fn()} onToggleRead={vi.fn()} onMarkGroupRead={vi.fn()} onFocusPost={vi.fn()} onSeriesEdit={vi.fn()} summaries={new Map([[4, hostile]])} onToggleSummary={onToggleSummary} onToggleStar={onToggleStar} />,
    );
    expect(document.querySelector('.summary')?.textContent).toBe(hostile);
    expect(document.querySelector('.reading-list img, section img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Star: Modern Python in Practice #5: Async and Background Tasks' }));
    expect(onToggleStar).toHaveBeenCalledWith(series.posts[1]);
  });
});
