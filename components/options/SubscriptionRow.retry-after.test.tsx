// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subscription } from '@/lib/db';
import { formatClockTime } from '../format-date';
import { SubscriptionRow } from './SubscriptionRow';

afterEach(cleanup);

// Local time, so "today" is today wherever the test runs.
const NOW = new Date(2026, 10, 1, 12, 0).getTime();
const subscription: Subscription = {
  id: 1,
  feedUrl: 'https://blog.test/feed.xml',
  title: 'Blog',
  tags: [],
  status: 'error',
  errorStreak: 1,
  lastError: 'The site asked us to slow down (HTTP 429).',
  nextCheckAt: NOW + 7_200_000,
  notify: true,
  markOnVisit: true,
  createdAt: NOW - 86_400_000,
} as Subscription;

function renderRow(patch: Partial<Subscription>) {
  const noop = () => undefined;
  render(
    <ul>
      <SubscriptionRow subscription={{ ...subscription, ...patch }} counts={undefined} missingOrigins={[]} now={NOW} onEdit={noop} onRefresh={noop} onUnsubscribe={noop} onAllowOrigins={noop} />
    </ul>,
  );
  // The checks are in the row's details, opened on request.
  fireEvent.click(document.querySelector('.sub-toggle')!);
}

describe('SubscriptionRow and Retry-After', () => {
  it.each<[string, Partial<Subscription>, RegExp]>([
    ['until when the site asked to wait', { retryAfterUntil: new Date(2026, 10, 1, 14, 5).getTime() }, /The site asked Partwise to wait until/],
    ['the next check once that time has passed', { retryAfterUntil: NOW - 60_000 }, /Next check: in 2 hours/],
    ['the next check without Retry-After', {}, /Next check: in 2 hours/],
  ])('shows %s', (_name, patch, expected) => {
    renderRow(patch);
    expect(document.querySelector('.sub-times')?.textContent).toMatch(expected);
  });

  it('names the wait on the closed row too, where a failing feed shows its status', () => {
    render(
      <ul>
        <SubscriptionRow subscription={{ ...subscription, retryAfterUntil: NOW + 3_600_000 }} counts={undefined} missingOrigins={[]} now={NOW} onEdit={() => undefined} onRefresh={() => undefined} onUnsubscribe={() => undefined} onAllowOrigins={() => undefined} />
      </ul>,
    );
    expect(document.querySelector('.sub-status')?.textContent).toMatch(/The site asked Partwise to wait until/);
  });

  it('names the time of day, and the day when it is not today', () => {
    const at = new Date(2026, 10, 1, 14, 5).getTime();
    renderRow({ retryAfterUntil: at });
    expect(document.querySelector('.sub-times')?.textContent).toMatch(new RegExp(`wait until ${formatClockTime(at, NOW)}$`));
    expect(formatClockTime(at, NOW)).toMatch(/^\D*\d{1,2}\D05\D*$/);
    expect(formatClockTime(at + 86_400_000, NOW)).toMatch(/ on /);
  });
});
