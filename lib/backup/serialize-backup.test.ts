import { describe, expect, it } from 'vitest';
import type { BackupSubscription, BackupV1 } from './backup-types.ts';
import { parseBackup } from './parse-backup.ts';
import { serializeBackup } from './serialize-backup.ts';

function backupWith(subscriptions: BackupSubscription[]): BackupV1 {
  return { format: 'partwise-backup', version: 1, exportedAt: '2026-11-22T17:00:00Z', settings: {}, subscriptions };
}

const minimal: BackupSubscription = {
  feedUrl: 'https://example.com/feed.xml', title: 'Example', tags: [], notify: false, markOnVisit: true,
  createdAt: '2026-01-01T00:00:00Z', read: [], seriesOverrides: [],
};

describe('serializeBackup', () => {
  const cases: [string, BackupV1][] = [
    ['no subscriptions', backupWith([])],
    ['minimal subscription', backupWith([minimal])],
    ['all optional fields', backupWith([{ ...minimal, siteUrl: 'https://example.com/', customTitle: 'Mine', refreshMinutes: 15, read: [{ postId: 'p1', url: 'https://example.com/p1', readAt: '2026-01-02T00:00:00Z' }] }])],
    ['unicode and markup kept as data', backupWith([{ ...minimal, title: '<b>Bücher</b> 😀 "q" \\ \n' }])],
    ['settings of every type', { ...backupWith([]), settings: { s: 'x', n: 1.5, b: false, z: null } }],
  ];

  it.each(cases)('round-trips: %s', (_why, backup) => {
    const text = serializeBackup(backup);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseBackup(text)).toEqual(backup);
  });

  it('writes fields in a fixed order and drops properties outside the format', () => {
    const { feedUrl, title, tags, notify, createdAt, seriesOverrides } = minimal;
    // Same fields in another order, plus database-only properties.
    const scrambled = { markOnVisit: true, read: [{ readAt: '2026-01-02T00:00:00Z', postId: 'p', dbId: 9 }], dbId: 42, seriesOverrides, createdAt, notify, tags, title, feedUrl };
    const text = serializeBackup(backupWith([scrambled]));
    expect(text).not.toContain('dbId');
    const keys = Object.keys((JSON.parse(text) as BackupV1).subscriptions[0] ?? {});
    expect(keys).toEqual(['feedUrl', 'title', 'tags', 'notify', 'markOnVisit', 'createdAt', 'read', 'seriesOverrides']);
    expect(text).toContain('"postId": "p",\n');
  });
});
