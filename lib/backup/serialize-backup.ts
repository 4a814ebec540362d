import type { BackupReadMark, BackupSubscription, BackupV1 } from './backup-types.ts';

/**
 * Writes a backup as pretty-printed JSON (2-space indent, trailing newline) that
 * `parseBackup` reads back. Fields come out in one fixed order and only the
 * documented ones are written, whatever extra properties the caller's objects carry.
 */
export function serializeBackup(backup: BackupV1): string {
  const ordered: BackupV1 = {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    settings: backup.settings,
    subscriptions: backup.subscriptions.map(orderedSubscription),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderedSubscription(s: BackupSubscription): BackupSubscription {
  return {
    feedUrl: s.feedUrl,
    ...(s.siteUrl === undefined ? {} : { siteUrl: s.siteUrl }),
    title: s.title,
    ...(s.customTitle === undefined ? {} : { customTitle: s.customTitle }),
    tags: s.tags,
    ...(s.refreshMinutes === undefined ? {} : { refreshMinutes: s.refreshMinutes }),
    notify: s.notify,
    markOnVisit: s.markOnVisit,
    createdAt: s.createdAt,
    read: s.read.map(orderedReadMark),
    seriesOverrides: s.seriesOverrides,
    ...(s.listing === undefined ? {} : { listing: s.listing.key === undefined ? {} : { key: s.listing.key } }),
  };
}

function orderedReadMark(mark: BackupReadMark): BackupReadMark {
  return {
    postId: mark.postId,
    ...(mark.url === undefined ? {} : { url: mark.url }),
    ...(mark.title === undefined ? {} : { title: mark.title }),
    readAt: mark.readAt,
  };
}
