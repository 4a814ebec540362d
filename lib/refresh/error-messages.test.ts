import { describe, expect, it } from 'vitest';
import type { FetchFailed, FetchFailureReason } from '../feeds/fetch';
import { fetchFailureMessage, statusMessage } from './error-messages';

const FEED = 'https://blog.test/feed.xml';

// Every reason a fetch can fail for, with its English sentence: a new reason fails the typecheck here until it has one.
const FAILURES: Record<FetchFailureReason, [FetchFailed, string][]> = {
  http: [
    [{ kind: 'failed', url: FEED, reason: 'http', status: 503 }, `${FEED} answered HTTP 503.`],
    [{ kind: 'failed', url: FEED, reason: 'http', status: 500, statusText: 'Internal Server Error' }, `${FEED} answered HTTP 500 Internal Server Error.`],
  ],
  network: [[{ kind: 'failed', url: FEED, reason: 'network', host: 'blog.test', detail: 'Failed to fetch' }, 'Could not reach blog.test: Failed to fetch.']],
  timeout: [[{ kind: 'failed', url: FEED, reason: 'timeout', timeoutMs: 20_000 }, `${FEED} did not answer within 20 seconds.`]],
  'too-large': [
    [{ kind: 'failed', url: FEED, reason: 'too-large', maxBytes: 10 * 1024 * 1024 }, `${FEED} is larger than 10 MB.`],
    [{ kind: 'failed', url: FEED, reason: 'too-large', maxBytes: 1000 }, `${FEED} is larger than 1 KB.`],
  ],
  'too-many-redirects': [[{ kind: 'failed', url: FEED, reason: 'too-many-redirects', maxRedirects: 10 }, `${FEED} redirects more than 10 times.`]],
  'redirect-loop': [[{ kind: 'failed', url: FEED, reason: 'redirect-loop' }, `${FEED} redirects in a loop.`]],
  aborted: [[{ kind: 'failed', url: FEED, reason: 'aborted' }, `Fetching ${FEED} was cancelled.`]],
  'invalid-url': [[{ kind: 'failed', url: 'ftp://blog.test/', reason: 'invalid-url' }, 'ftp://blog.test/ is not a web address.']],
};

describe('fetchFailureMessage', () => {
  it.each(Object.values(FAILURES).flat())('says %j as %j', (failure, expected) => {
    expect(fetchFailureMessage(failure)).toBe(expected);
  });
});

describe('statusMessage', () => {
  it.each<[number, string]>([
    [500, 'The site had an internal error (HTTP 500).'],
    [418, 'The site answered with an error (HTTP 418).'],
  ])('says HTTP %i as %j', (status, expected) => {
    expect(statusMessage(status)).toBe(expected);
  });
});
