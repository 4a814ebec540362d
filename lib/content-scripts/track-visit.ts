import { showNextInSeries } from './next-in-series-link';
import { reportPageVisit } from './report-page-visit';
import { waitForReading, type ReadingRule } from './wait-for-reading';

// Mirrors VISIT_SETTINGS_KEY in lib/background/visit-settings.ts; not imported, to keep this script tiny.
const VISIT_SETTINGS_KEY = 'partwise:visit';

async function readingRule(): Promise<ReadingRule> {
  const stored = (await chrome.storage.local.get(VISIT_SETTINGS_KEY))[VISIT_SETTINGS_KEY] as Partial<ReadingRule> | undefined;
  return { mode: stored?.mode ?? 'visit', dwellSeconds: stored?.dwellSeconds ?? 10 };
}

/** One page view: wait until it counts as reading, report it once, and show the next part if offered. */
export async function trackVisit(doc: Document, href: string): Promise<void> {
  await waitForReading(doc, await readingRule());
  const result = await reportPageVisit(doc, href);
  if (result.next) showNextInSeries(doc, result.next);
}
