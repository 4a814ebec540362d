import { t } from '../i18n/t';

/** A feed address as found in an outline: either usable, or why not. */
export type FeedUrlResult = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_URL_LENGTH = 8192;

/**
 * Parses an outline's feed address. Only absolute http(s) URLs are accepted; the
 * `feed:` pseudo-scheme some readers export is read as the web address it wraps.
 */
export function parseFeedUrl(raw: string): FeedUrlResult {
  const text = unwrapFeedScheme(raw.trim());
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: t('opmlAddressTooLong') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: t('opmlAddressIncomplete') };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: t('opmlAddressScheme', url.protocol) };
  }
  if (url.hostname === '') return { ok: false, reason: t('opmlAddressNoHost') };
  url.hash = ''; // a fragment is never sent to the server, so it cannot select another feed
  return { ok: true, url };
}

/** Key for spotting the same feed twice: the URL with lower-case host and no fragment. */
export function feedUrlKey(url: URL): string {
  // URL#href already lower-cases the host and drops default ports.
  return url.hash === '' ? url.href : url.href.slice(0, -url.hash.length);
}

function unwrapFeedScheme(text: string): string {
  const lower = text.slice(0, 13).toLowerCase();
  if (lower.startsWith('feed:http://') || lower.startsWith('feed:https://')) return text.slice(5);
  if (lower.startsWith('feed://')) return `http://${text.slice(7)}`;
  return text;
}
