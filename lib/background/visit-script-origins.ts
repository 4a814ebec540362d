import { grantedOriginTest } from '../permissions/granted-origins';
import type { PartwiseDatabase } from '../db';

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.protocol}//${parsed.hostname}` : undefined;
  } catch {
    return undefined;
  }
}

/** Origins of subscribed feeds, their sites and their posts (only those Partwise has been allowed to access). */
export async function visitScriptOrigins(db: PartwiseDatabase): Promise<string[]> {
  const origins = new Set<string>();
  const subscriptions = await db.subscriptions.filter((s) => s.archivedAt === undefined && s.markOnVisit).toArray();
  for (const subscription of subscriptions) {
    const candidates = [subscription.feedUrl, subscription.siteUrl, ...(subscription.postOrigins ?? [])];
    for (const candidate of candidates) {
      const origin = originOf(candidate);
      if (origin) origins.add(origin);
    }
  }
  const granted = await grantedOriginTest();
  return [...origins].filter(granted).sort();
}
