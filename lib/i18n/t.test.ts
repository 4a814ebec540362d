import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { fillMessage, t, tCount } from './t';

describe('t and tCount', () => {
  // Built inside the test: the browser's i18n API is set up for each test, not at collection time.
  it.each<[string, () => string]>([
    ['Mark all read', () => t('markAllRead')],
    ['3 of 6 read', () => t('progress', 3, 6)],
    ['Importing 1 feed…', () => tCount('importing', 1)],
    ['Importing 300 feeds…', () => tCount('importing', 300)],
    ['Subscribed to Blog (1 post).', () => tCount('subscribed', 1, 'Blog')],
    ['1,000 minutes', () => tCount('minutes', 1_000)],
  ])('%s', (expected, actual) => {
    expect(actual()).toBe(expected);
  });

  it('fills substitutions the way browsers do', () => {
    expect(fillMessage('$1 costs $$$2', ['Tea', '3'])).toBe('Tea costs $3');
  });

  it('has a description for every message and both forms of every count', () => {
    const entries = Object.entries(en as Record<string, { message: string; description?: string }>);
    for (const [key, value] of entries) {
      expect(value.message, key).not.toBe('');
      expect(value.description, key).toBeTruthy();
      if (key.endsWith('_one')) expect(Object.keys(en)).toContain(key.replace(/_one$/, '_other'));
    }
  });
});
