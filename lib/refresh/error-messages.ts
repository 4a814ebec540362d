import type { FeedErrorCode } from '../feeds/feed-error';

const STATUS_TEXT: Record<number, string> = {
  401: 'The site asks for a login (HTTP 401).',
  403: 'The site refused access (HTTP 403).',
  404: 'The feed was not found at this address (HTTP 404).',
  429: 'The site asked us to slow down (HTTP 429); Partwise will wait before trying again.',
  500: 'The site had an internal error (HTTP 500).',
  502: 'The site’s gateway failed (HTTP 502).',
  503: 'The site is temporarily unavailable (HTTP 503).',
  504: 'The site timed out (HTTP 504).',
};

/** A human sentence for an HTTP status that failed a refresh. */
export function statusMessage(status: number): string {
  return STATUS_TEXT[status] ?? `The site answered with an error (HTTP ${status}).`;
}

/** A human sentence for a body that did not parse as a feed. */
export function feedErrorMessage(code: FeedErrorCode, detail: string): string {
  switch (code) {
    case 'not-a-feed':
      return `This address does not serve a feed any more (${detail}).`;
    case 'too-large':
      return 'The feed is too large to read (over 10 MB).';
    case 'malformed':
      return `The feed is broken and could not be read (${detail}).`;
  }
}

/** The message shown for a feed that answered 410 Gone. */
export const GONE_MESSAGE = 'The site says this feed is gone for good (HTTP 410). Partwise stopped checking it; its posts are kept.';
