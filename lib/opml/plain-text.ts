// HTML elements that show up in hand-edited or scraped titles. Only these are taken
// for markup, so `Vec<T>` or `a < b` survive as the author wrote them.
const HTML_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'audio', 'b', 'base', 'big', 'blockquote', 'body', 'br', 'button', 'cite', 'code', 'del', 'div',
  'em', 'embed', 'font', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'html', 'i', 'iframe', 'img',
  'input', 'ins', 'link', 'mark', 'meta', 'noscript', 'object', 'p', 'pre', 'q', 's', 'script', 'small', 'source',
  'span', 'strike', 'strong', 'style', 'sub', 'sup', 'svg', 'template', 'title', 'tt', 'u', 'video',
]);
const MAX_TAG_NAME = 10;

/**
 * Plain text of a title: known HTML tags removed (their text kept, so a `<script>`
 * is inert text), control characters dropped, whitespace collapsed, length capped.
 */
export function plainText(text: string, maxLength: number): string {
  // Tags and spaces only shrink text, so a generous head of the input is enough and
  // keeps a hostile multi-megabyte title from costing more than a normal one.
  const head = text.length > maxLength * 8 ? text.slice(0, maxLength * 8) : text;
  return collapseWhitespace(stripTags(head)).slice(0, maxLength).trim();
}

function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let from = 0;
  // Cached position of the next '>' so a title full of '<' stays linear.
  let nextGt = -2;
  for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    if (!isTagName(text, lt)) continue;
    if (nextGt !== -1 && nextGt < lt) nextGt = text.indexOf('>', lt);
    if (nextGt === -1) break;
    out += text.slice(from, lt);
    from = nextGt + 1;
    lt = nextGt;
  }
  return out + text.slice(from);
}

function isTagName(text: string, lt: number): boolean {
  let i = lt + 1;
  if (text.charAt(i) === '/') i++;
  let name = '';
  while (name.length <= MAX_TAG_NAME) {
    const char = text.charAt(i);
    if (!/^[A-Za-z0-9]$/.test(char)) break;
    name += char;
    i++;
  }
  const after = text.charAt(i);
  const endsName = after === '>' || after === '/' || after === ' ' || after === '\t' || after === '\n' || after === '\r';
  return endsName && HTML_TAGS.has(name.toLowerCase());
}

function collapseWhitespace(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || code === 0xa0) {
      // Controls are dropped; only real whitespace becomes a separator.
      if (code === 0x20 || code === 0x9 || code === 0xa || code === 0xd || code === 0xa0) pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += char;
  }
  return out;
}
