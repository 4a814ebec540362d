// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYS, KeyboardHelp } from './KeyboardHelp';

afterEach(cleanup);

describe('KeyboardHelp', () => {
  it('is a labelled dialog listing every key, focused on Close', () => {
    const onClose = vi.fn();
    render(<KeyboardHelp onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect([...dialog.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual(KEYS.map(([key]) => key));
    expect(document.activeElement?.textContent).toBe('Close');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
