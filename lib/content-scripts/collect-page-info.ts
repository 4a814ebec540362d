/** What the popup learns about the active tab's page. */
export interface PageInfo {
  url: string;
  title: string;
  feeds: { url: string; title?: string; type: string }[];
}

/**
 * Runs inside the page through `scripting.executeScript` (so it must be self-contained): reads the
 * page's URL, title and `<link rel="alternate">` feeds, resolved against the document's base URL.
 */
export function collectPageInfo(): PageInfo {
  const feedTypes = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'text/xml', 'application/xml'];
  const feeds: PageInfo['feeds'] = [];
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate" i][href]'))) {
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!feedTypes.includes(type)) continue;
    try {
      const url = new URL(link.getAttribute('href') ?? '', document.baseURI).href;
      if (!/^https?:/.test(url)) continue;
      const title = link.getAttribute('title') ?? undefined;
      feeds.push({ url, title, type });
    } catch {
      // An unparsable href is not a feed the user could subscribe to; skip it.
      continue;
    }
  }
  return { url: location.href, title: document.title, feeds };
}

/** The feed format a `<link type>` announces. */
export function feedTypeOfMime(mime: string): 'rss' | 'atom' | 'json' | 'unknown' {
  if (mime.includes('rss') || mime.includes('rdf')) return 'rss';
  if (mime.includes('atom')) return 'atom';
  if (mime.includes('json')) return 'json';
  return 'unknown';
}
