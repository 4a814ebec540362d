import { grantedOriginTest } from '../permissions/granted-origins';
import type { PartwiseDatabase } from '../db';
import { webOrigin } from '../urls/web-origin';

/** Origins of subscribed feeds, their sites and their posts (only those Partwise has been allowed to access). */
export async function visitScriptOrigins(db: PartwiseDatabase): Promise<string[]> {
  const origins = new Set<string>();
  const subscriptions = await db.subscriptions.filter((s) => s.archivedAt === undefined && s.markOnVisit).toArray();
  for (const subscription of subscriptions) {
    const candidates = [subscription.feedUrl, subscription.siteUrl, ...(subscription.postOrigins ?? [])];
    for (const candidate of candidates) {
      const origin = webOrigin(candidate);
      if (origin) origins.add(origin);
    }
  }
  const granted = await grantedOriginTest();
  return [...origins].filter(granted).sort();
}
