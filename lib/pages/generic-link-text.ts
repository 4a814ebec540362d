// Words that say "open this" without naming what: a link made only of them is not a post's title.
const GENERIC_WORDS = new Set([
  'read', 'reading', 'continue', 'more', 'view', 'see', 'open', 'go', 'visit', 'learn', 'full', 'whole', 'rest',
  'article', 'post', 'story', 'entry', 'blog', 'the', 'this', 'on', 'at', 'to', 'of', 'here', 'it', 'now', 'click',
  'details', 'link', 'permalink', 'keep', 'lire', 'la', 'suite', 'weiterlesen', 'mehr',
]);

// Module-level (one object, lastIndex reset per call): a literal in the function would be rebuilt each call.
const WORD = /[\p{L}\p{N}]+/gu;

// Link texts already judged on this page and the last ones (a memo, bounded; nothing authoritative).
const CACHE = new Map<string, boolean>();
const CACHE_SIZE = 512;

/**
 * True for link texts such as "Read more", "Read on the blog ↗", "Continue reading →": every word is
 * one of "open this" (arrows and punctuation ignored), or there is no word at all.
 */
export function isGenericLinkText(text: string): boolean {
  // Six generic words fit in this; a longer text names something.
  if (text.length > 60) return false;
  // A listing repeats its "Read more" on every card: the answer is remembered.
  const known = CACHE.get(text);
  if (known !== undefined) return known;
  const generic = genericWords(text);
  if (CACHE.size >= CACHE_SIZE) CACHE.clear();
  CACHE.set(text, generic);
  return generic;
}

function genericWords(text: string): boolean {
  WORD.lastIndex = 0;
  let count = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    if (++count > 6 || !GENERIC_WORDS.has(match[0].toLowerCase())) return false;
  }
  return true;
}
