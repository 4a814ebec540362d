/** Why a body could not be read as a feed. */
export type FeedErrorCode = 'not-a-feed' | 'malformed' | 'too-large';

/** The only error `parseFeed` throws. */
export class FeedError extends Error {
  readonly code: FeedErrorCode;

  constructor(code: FeedErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.name = 'FeedError';
    this.code = code;
  }
}

/** True for the errors `parseFeed` throws, as opposed to bugs. */
export function isFeedError(error: unknown): error is FeedError {
  return error instanceof FeedError;
}
