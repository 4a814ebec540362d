import { normalizeArticleUrl } from './normalize';
import { UrlError } from './url-error';

/** normalizeArticleUrl for feed data: a URL that cannot be a web article gets no key instead of an error. */
export function safeNormalizeArticleUrl(url: string): string | undefined {
  try {
    return normalizeArticleUrl(url);
  } catch (error) {
    if (error instanceof UrlError) return undefined;
    throw error;
  }
}
