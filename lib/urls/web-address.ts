import { t } from '../i18n/t';

/** What the reader typed, read as a web address: the URL, or why it is not one. */
export type WebAddress = { ok: true; url: string } | { ok: false; message: string };

/**
 * Reads a typed address the way a browser's address bar does: `example.com/blog` means
 * `https://example.com/blog`; only http and https are accepted; the fragment is dropped.
 * The one check the options page, the popup and the background share.
 */
export function parseWebAddress(input: string): WebAddress {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: t('webAddressEmpty') };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, message: t('webAddressInvalid', trimmed) };
  }
  // Another scheme (ftp:, file:, javascript: …).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: t('webAddressNotHttp') };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !/^\[/.test(url.hostname)) {
    return { ok: false, message: t('webAddressInvalid', trimmed) };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}
