// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SeriesPages } from './SeriesPages';
import { SeriesOrigin } from '../popup/SeriesOrigin';
import { SeriesPageOffer } from '../popup/SeriesPageOffer';

afterEach(cleanup);

describe('SeriesPages', () => {
  it('lists the series pages, removes one, and adds one with the answer shown', async () => {
    const onAdd = vi.fn(async () => 'Added: it places 5 of this feed’s posts in series.');
    const onRemove = vi.fn();
    render(<SeriesPages subscriptionId={1} feedName="Blog" pages={[{ url: 'https://code.example/dev', lastError: 'HTTP 503' }]} onAdd={onAdd} onRemove={onRemove} />);
    expect(screen.getByRole('link', { name: 'https://code.example/dev' })).toBeTruthy();
    expect(screen.getByText(/last check failed: HTTP 503/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove series page https://code.example/dev' }));
    expect(onRemove).toHaveBeenCalledWith('https://code.example/dev');
    fireEvent.input(screen.getByLabelText('Add a page that lists this feed’s series'), { target: { value: 'https://blog.example/series/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add series page' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/places 5/));
    expect(onAdd).toHaveBeenCalledWith('https://blog.example/series/');
  });

  it('shows why a page was not added', async () => {
    render(<SeriesPages subscriptionId={1} feedName="Blog" pages={[]} onAdd={async () => Promise.reject(new Error('This page lists none of this feed’s posts in a series.'))} onRemove={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Add a page that lists this feed’s series'), { target: { value: 'https://x.example/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add series page' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/lists none/));
  });
});

describe('popup: where a series comes from, and the offer to use a page\'s series', () => {
  it('says "from the author’s series page"', () => {
    render(<SeriesOrigin source="series-page" />);
    expect(screen.getByText(/from the author’s series page/)).toBeTruthy();
  });

  it('offers "Use this page’s series" per subscription', () => {
    const onUse = vi.fn();
    const offer = { subscriptionId: 3, title: 'Dev Writer', placed: 18, series: 4 };
    render(<SeriesPageOffer offers={[offer]} onUse={onUse} />);
    expect(screen.getByText(/lists 18 posts of Dev Writer in 4 series/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use this page’s series' }));
    expect(onUse).toHaveBeenCalledWith(offer);
  });
});
