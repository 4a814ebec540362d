import type { FeedErrorCode } from '../feeds/feed-error';
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
