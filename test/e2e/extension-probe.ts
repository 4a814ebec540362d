import type { BrowserHarness, Tab } from './browser-harness';
import { storeRows } from './extension-state';

/** The part of a harness that reads and drives the background from an open extension page. */
export type ExtensionProbe = Pick<BrowserHarness, 'evaluateInExtension' | 'callBackground' | 'readStore' | 'badgeText' | 'notifications' | 'visitReports'>;

declare global {
  interface Window {
    /** Visits the content script reported, overheard by the probe page. */
    partwiseE2eVisits?: string[];
  }
}

/**
 * Turns an open extension page into the harness's view of the background. The same code runs in
 * both browsers: `chrome.*` answers with promises in Manifest V3 in Chromium and Firefox alike.
 */
export async function extensionProbe(page: Tab): Promise<ExtensionProbe> {
  // Content scripts' messages reach every extension page, not only the background: record the visits.
  await page.evaluate(() => {
    window.partwiseE2eVisits = [];
    chrome.runtime.onMessage.addListener((message: { type?: string } | undefined, sender) => {
      if (message?.type === 'pageVisited') window.partwiseE2eVisits!.push(sender.url ?? sender.tab?.url ?? '');
      // No answer: the background's is the one the content script gets.
      return undefined;
    });
  });
  const evaluateInExtension: ExtensionProbe['evaluateInExtension'] = (fn, arg) => page.evaluate(fn, arg);
  return {
    evaluateInExtension,
    callBackground: async <T>(type: string, data?: unknown) => {
      const reply = await page.evaluate(
        (message) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), timestamp: Date.now(), ...message }) as Promise<{ res?: unknown; err?: { message?: string } } | undefined>,
        { type, data },
      );
      if (!reply) throw new Error(`The background did not answer ${type}`);
      if (reply.err) throw new Error(reply.err.message ?? `${type} failed in the background`);
      return reply.res as T;
    },
    readStore: <T>(store: string) => page.evaluate(storeRows, store) as Promise<T[]>,
    badgeText: () => page.evaluate(() => chrome.action.getBadgeText({})),
    notifications: () => page.evaluate(() => chrome.notifications.getAll() as Promise<Record<string, unknown>>),
    visitReports: () => page.evaluate(() => [...(window.partwiseE2eVisits ?? [])]),
  };
}
