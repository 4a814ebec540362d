import { renamedFolderTags } from '../folders/folders';
import type { PartwiseDatabase } from './schema';

/** Renames a folder of subscriptions in one transaction; returns how many subscriptions moved. */
export async function renameFolder(db: PartwiseDatabase, from: string, to: string): Promise<number> {
  return db.transaction('rw', db.subscriptions, async () => {
    let moved = 0;
    await db.subscriptions.toCollection().modify((subscription) => {
      const tags = renamedFolderTags(subscription.tags, from, to);
      if (tags === undefined) return;
      subscription.tags = tags;
      moved += 1;
    });
    return moved;
  });
}
