// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncCard, type SyncCardProps } from './SyncCard';

const NOW = Date.UTC(2026, 10, 1, 12);

afterEach(() => cleanup());

function props(overrides: Partial<SyncCardProps> = {}): SyncCardProps {
  return { enabled: true, status: {}, quotaBytes: 102_400, awaiting: [], now: NOW, onToggle: vi.fn(), onSyncNow: vi.fn(), onGrantAccess: vi.fn(), ...overrides };
}

describe('SyncCard', () => {
  it('labels its switch with what it does, and turning it off reports the change', () => {
    const onToggle = vi.fn();
    render(<SyncCard {...props({ onToggle })} />);
    const toggle = screen.getByLabelText('Sync subscriptions and read state with your browser account');
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it.each<[string, SyncCardProps['status'], RegExp]>([
    ['nothing yet', {}, /has not sent changes yet and has not received any from your other browsers yet\./],
    ['times and quota', { lastSentAt: NOW - 2 * 3_600_000, lastReceivedAt: NOW - 5 * 60_000, bytesInUse: 51_200 }, /last sent changes 2 hours ago and last received changes 5 minutes ago\. It uses 50 KB of the 100 KB your browser allows \(50%\)\./],
    ['a tiny copy', { lastSentAt: NOW, bytesInUse: 40 }, /last sent changes just now and has not received any from your other browsers yet\. It uses under 1 KB of the 100 KB your browser allows \(under 1%\)\./],
    ['dropped marks', { bytesInUse: 97_000, droppedMarks: 1_200 }, /The 1,200 oldest read marks are not synced for lack of room; they stay read here\./],
  ])('says when changes went out and came in: %s', (_name, status, text) => {
    render(<SyncCard {...props({ status })} />);
    expect(screen.getByTestId('sync-status').textContent).toMatch(text);
  });

  it('shows a failure with what did not sync', () => {
    render(<SyncCard {...props({ status: { failure: { at: NOW, message: 'Changes could not be sent: QUOTA_BYTES quota exceeded', unsynced: ['2 subscription changes', '3,000 read marks'] } } })} />);
    expect(screen.getByRole('alert').textContent).toMatch(/QUOTA_BYTES.*Nothing was lost.*Not synced yet: 2 subscription changes, 3,000 read marks\./);
  });

  it('lists feeds waiting for site access with one button to grant it', () => {
    const onGrantAccess = vi.fn();
    render(<SyncCard {...props({ onGrantAccess, awaiting: [{ id: 1, title: 'Blog', origin: 'https://blog.test' }, { id: 2, title: 'Notes', origin: 'https://notes.test' }] })} />);
    expect(screen.getByTestId('awaiting-access').textContent).toMatch(/2 feeds wait for access to their sites: Blog, Notes\./);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to 2 sites' }));
    expect(onGrantAccess).toHaveBeenCalledTimes(1);
  });

  it('says that nothing is sent or received, and nothing deleted, when off', () => {
    render(<SyncCard {...props({ enabled: false })} />);
    expect(screen.getByTestId('sync-card').textContent).toMatch(/Sync is off: this browser neither sends nor receives changes\. Nothing here was deleted\./);
  });
});
