import type { SeriesEdit } from '@/components/popup/SeriesEditor';
import type { SeriesEditRequest } from '@/lib/messaging/protocol';
import type { ReadingGroup } from '@/lib/reading-list/types';

/** The protocol request for a user's edit of a popup group. */
export function seriesEditRequest(group: ReadingGroup, edit: SeriesEdit): SeriesEditRequest {
  const subscriptionId = group.subscriptionId;
  const seriesKey = group.seriesKey ?? '';
  switch (edit.kind) {
    case 'move':
      return { kind: 'move', postId: edit.postId, seriesKey: edit.seriesKey };
    case 'rename':
      return { kind: 'rename', subscriptionId, seriesKey, name: edit.name };
    case 'merge':
      return { kind: 'merge', subscriptionId, fromKey: seriesKey, intoKey: edit.intoKey };
    case 'not-series':
      return { kind: 'not-series', subscriptionId, seriesKey };
    case 'new-series':
      return { kind: 'new-series', subscriptionId, name: edit.name, postIds: edit.postIds };
  }
}
