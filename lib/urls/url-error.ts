/** Why a string could not be turned into an article matching key. */
export type UrlErrorCode = 'invalid-url' | 'unsupported-scheme';

/** Thrown by `normalizeArticleUrl` for input that is not an http(s) web address. */
export class UrlError extends Error {
  override readonly name = 'UrlError';
  readonly code: UrlErrorCode;
  /** The offending input, shortened so a huge string never ends up in logs. */
  readonly input: string;

  constructor(code: UrlErrorCode, message: string, input: string) {
    super(message);
    this.code = code;
    this.input = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  }
}
