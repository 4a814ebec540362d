// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageOffer } from '@/lib/messaging/protocol';
import { FollowPagePreview } from './FollowPagePreview';

afterEach(cleanup);

const PAGE: PageOffer = {
  url: 'https://jane.test/',
  title: 'Selected Posts · Jane Doe',
  candidates: [
    { key: 'div.grid>div.card', count: 17, titles: ['Async Python', 'Exploring Asyncio', 'Generators', 'Python asyncio', 'concurrent.futures'], origins: ['https://blog.test'] },
    { key: 'div.grid>div.project', count: 3, titles: ['Partwise Reader', 'Async Toolbox', 'Channels Chat Demo'], origins: ['https://jane.test'] },
  ],
};

const titles = () => screen.getAllByRole('listitem').map((li) => li.textContent);

describe('FollowPagePreview', () => {
  it('previews the first list: its first titles and its count', () => {
    render(<FollowPagePreview page={PAGE} onFollow={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByTestId('follow-page-count').textContent).toBe('17 posts');
    expect(titles()).toEqual(PAGE.candidates[0]!.titles);
    expect(screen.getByText('…and 12 more.')).toBeTruthy();
  });

  it('"Not these posts" moves to the next list, and "Follow this page" confirms the list shown', () => {
    const onFollow = vi.fn();
    render(<FollowPagePreview page={PAGE} onFollow={onFollow} onCancel={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Not these posts' }));
    expect(titles()).toEqual(PAGE.candidates[1]!.titles);
    expect((screen.getByRole('button', { name: 'Not these posts' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('This is the last list of posts Partwise found on this page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Follow this page' }));
    expect(onFollow).toHaveBeenCalledWith(PAGE.candidates[1]);
  });

  it('cancels without following', () => {
    const onFollow = vi.fn();
    const onCancel = vi.fn();
    render(<FollowPagePreview page={PAGE} onFollow={onFollow} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onFollow).not.toHaveBeenCalled();
  });
});
