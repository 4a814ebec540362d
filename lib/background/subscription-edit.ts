import type { SubscriptionPatch } from '../db';
import type { SubscriptionEdit } from '../messaging/protocol';
import { clampIntervalMinutes } from '../refresh/schedule';
import { folderTags } from '../folders/folders';

/** Turns the user's edit of a subscription into a library patch (null clears a field; intervals are clamped). */
export function subscriptionEditPatch(edit: SubscriptionEdit): SubscriptionPatch {
  const patch: SubscriptionPatch = {};
  if (edit.customTitle !== undefined) patch.customTitle = edit.customTitle?.trim() || undefined;
  if (edit.refreshMinutes !== undefined) patch.refreshMinutes = edit.refreshMinutes === null ? undefined : clampIntervalMinutes(edit.refreshMinutes);
  if (edit.notify !== undefined) patch.notify = edit.notify;
  if (edit.markOnVisit !== undefined) patch.markOnVisit = edit.markOnVisit;
  if (edit.folder !== undefined) patch.tags = folderTags(edit.folder);
  return patch;
}
