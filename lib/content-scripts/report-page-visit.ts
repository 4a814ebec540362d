import type { PageVisit, VisitResult } from '../messaging/protocol';
import { sendLite } from '../messaging/send-lite';
import { readPageSeries } from './read-page-series';

/** Reads the article identity hints a page offers: its canonical link and og:url. */
export function readPageVisit(doc: Document, href: string): PageVisit {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const ogUrl = doc.querySelector<HTMLMetaElement>('meta[property="og:url" i]')?.getAttribute('content') ?? null;
  const series = readPageSeries(doc, href);
  return { url: href, canonical, ogUrl, title: doc.title, ...(series.length > 0 ? { series } : {}) };
}

/** Sends the one message a page view costs; the background decides what it means. */
export async function reportPageVisit(doc: Document, href: string): Promise<VisitResult> {
  return sendLite('pageVisited', readPageVisit(doc, href));
}
