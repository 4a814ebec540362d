// Words that say "open this" without naming what: a link made only of them is not a post's title.
const GENERIC_WORDS = new Set([
  'read', 'reading', 'continue', 'more', 'view', 'see', 'open', 'go', 'visit', 'learn', 'full', 'whole', 'rest',
  'article', 'post', 'story', 'entry', 'blog', 'the', 'this', 'on', 'at', 'to', 'of', 'here', 'it', 'now', 'click',
  'details', 'link', 'permalink', 'keep', 'lire', 'la', 'suite', 'weiterlesen', 'mehr',
]);

/**
 * True for link texts such as "Read more", "Read on the blog ↗", "Continue reading →": every word is
 * one of "open this" (arrows and punctuation ignored), or there is no word at all.
 */
export function isGenericLinkText(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return true;
  return words.length <= 6 && words.every((word) => GENERIC_WORDS.has(word));
}
