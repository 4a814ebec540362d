/** What the reader typed, read as a web address: the URL, or why it is not one. */
export type WebAddress = { ok: true; url: string } | { ok: false; message: string };

/** Said for an address of another scheme (ftp:, file:, javascript: …). */
export const ONLY_WEB_ADDRESSES = 'Partwise can follow only http and https addresses.';

/**
 * Reads a typed address the way a browser's address bar does: `example.com/blog` means
 * `https://example.com/blog`; only http and https are accepted; the fragment is dropped.
 * The one check the options page, the popup and the background share.
 */
export function parseWebAddress(input: string): WebAddress {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Type the address of a blog or of its feed.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, message: `“${trimmed}” is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: ONLY_WEB_ADDRESSES };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !/^\[/.test(url.hostname)) {
    return { ok: false, message: `“${trimmed}” is not a web address.` };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}
