import type { FeedErrorCode } from '../feeds/feed-error';
import type { FetchFailed } from '../feeds/fetch';
import { fileSizeText } from '../i18n/file-size';
import { t, type MessageKey } from '../i18n/t';

const STATUS_KEYS: Record<number, MessageKey> = {
  401: 'http401',
  403: 'http403',
  404: 'http404',
  429: 'http429',
  500: 'http500',
  502: 'http502',
  503: 'http503',
  504: 'http504',
};

/** A human sentence for an HTTP status that failed a refresh. */
export function statusMessage(status: number): string {
  const key = STATUS_KEYS[status];
  return key ? t(key) : t('httpError', status);
}

/** A human sentence for a body that did not parse as a feed. */
export function feedErrorMessage(code: FeedErrorCode, detail: string): string {
  switch (code) {
    case 'not-a-feed':
      return t('feedNotAFeed', detail);
    case 'too-large':
      return t('feedTooLarge');
    case 'malformed':
      return t('feedMalformed', detail);
  }
}

/** The message shown for a feed that answered 410 Gone. */
export function goneMessage(): string {
  return t('feedGone');
}

/**
 * A human sentence for a failed fetch: the one reading of fetchFeed's failures (fetch.ts holds
 * only facts, as it also runs outside the extension). A feed's status says an HTTP error in its
 * own words (statusMessage); everything else about a failed fetch is said here.
 */
export function fetchFailureMessage(failure: FetchFailed): string {
  switch (failure.reason) {
    case 'http':
      return failure.statusText ? t('fetchErrorHttpText', failure.url, failure.status, failure.statusText) : t('fetchErrorHttp', failure.url, failure.status);
    case 'network':
      return t('fetchErrorNetwork', failure.host, failure.detail);
    case 'timeout':
      return t('fetchErrorTimeout', failure.url, Math.round(failure.timeoutMs / 1000));
    case 'too-large':
      return t('fetchErrorTooLarge', failure.url, fileSizeText(failure.maxBytes));
    case 'too-many-redirects':
      return t('fetchErrorTooManyRedirects', failure.url, failure.maxRedirects);
    case 'redirect-loop':
      return t('fetchErrorRedirectLoop', failure.url);
    case 'aborted':
      return t('fetchErrorAborted', failure.url);
    case 'invalid-url':
      return t('fetchErrorInvalidUrl', failure.url);
  }
}
