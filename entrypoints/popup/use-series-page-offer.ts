import { t } from '@/lib/i18n/t';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type SeriesPageOffer } from '@/lib/messaging/protocol';
import { requestOrigins } from '@/lib/permissions/request-origins';

// Runs in the page (self-contained): its markup as the reader sees it, rendered scripts included.
function pageHtml(): string {
  return document.documentElement.outerHTML.slice(0, 2_000_000);
}

async function activeTabHtml(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: pageHtml });
  return typeof result?.result === 'string' ? result.result : undefined;
}

/** The subscriptions whose series the active page lists, and how to keep the page as their series page. */
export function useSeriesPageOffer(pageUrl: string | undefined): { offers: SeriesPageOffer[]; accept: (offer: SeriesPageOffer) => Promise<string> } {
  const [offers, setOffers] = useState<SeriesPageOffer[]>([]);
  const [html, setHtml] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!pageUrl) return;
    let cancelled = false;
    (async () => {
      const text = await activeTabHtml();
      if (!text || cancelled) return;
      const found = await sendMessage('seriesPageOffer', { url: pageUrl, html: text });
      if (cancelled) return;
      setHtml(text);
      setOffers(found);
    })().catch((error: unknown) => console.info('Partwise: this page offers no series:', error));
    return () => {
      cancelled = true;
    };
  }, [pageUrl]);

  const accept = async (offer: SeriesPageOffer): Promise<string> => {
    if (!pageUrl || html === undefined) return t('pageUnreadable');
    // Access to the page's site lets Partwise re-read it when the author adds a post; asked in this click.
    await requestOrigins([pageUrl]).catch(() => false);
    const { placed } = await sendMessage('useSeriesPage', { subscriptionId: offer.subscriptionId, url: pageUrl, html });
    setOffers((current) => current.filter((o) => o.subscriptionId !== offer.subscriptionId));
    return placed > 0 ? t('followsSeriesPage', offer.title, placed) : t('pageListsNone');
  };
  return { offers, accept };
}
