import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { collectPageInfo, type PageInfo } from '@/lib/content-scripts/collect-page-info';

/** The tab the popup acts on: the active tab, or `?tabId=` (used when the popup is opened as a page). */
async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isSafeInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery);
    return tab.id === undefined ? undefined : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/**
 * Reads the active page's title and advertised feeds through `activeTab` + `scripting`, so Partwise
 * needs no broad permission. Undefined for pages it may not read (browser pages, file URLs).
 */
export function usePageInfo(): PageInfo | undefined {
  const [info, setInfo] = useState<PageInfo | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tab = await targetTab();
      if (!tab || (tab.url !== undefined && !/^https?:/.test(tab.url))) return;
      const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: collectPageInfo });
      const value = result?.result as PageInfo | undefined;
      if (!cancelled && value && /^https?:/.test(value.url)) setInfo(value);
    })().catch((error: unknown) => {
      // Pages the extension may not script (the store, other extensions) simply offer no page actions.
      console.info('Partwise: this page offers no page actions:', error);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}
