/**
 * What a `class` attribute says to the listing reader, read once per distinct value: a listing
 * repeats the same (often long, utility-laden) class string on every card, so the split and the
 * tests run once per string instead of once per element.
 */
import type { Element } from './parse-html';

/** What one `class` value says. */
export interface ClassNames {
  /** Class names that name a shape ("post-card"), not an instance or a utility ("post-42", "mt-4"). */
  stable: readonly string[];
  /** The same, as a set. */
  stableSet: ReadonlySet<string>;
  /** Names an h-entry (`h-entry`, or the older `hentry`). */
  entry: boolean;
  /** Marks a post's title (`p-name`, `entry-title`, `…-title` but not `…subtitle`). */
  title: boolean;
  /** Text meant for screen readers only ("Continue reading<span class=screen-reader-text>Title</span>"). */
  screenReaderOnly: boolean;
}

const NONE: ClassNames = { stable: [], stableSet: new Set(), entry: false, title: false, screenReaderOnly: false };
const SCREEN_READER_ONLY = new Set(['screen-reader-text', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-only']);
const STABLE = /^[a-z][a-z_-]*$/i;
const TITLE = /title$/i;
const SUBTITLE = /subtitle$/i;

// Class values already read on this page and the last ones (a memo, bounded; nothing authoritative).
const CACHE = new Map<string, ClassNames>();
const CACHE_SIZE = 1024;

function read(value: string): ClassNames {
  const tokens = value.split(/\s+/).filter((token) => token.length > 0);
  const stable = tokens.filter((token) => token.length <= 40 && STABLE.test(token));
  return {
    stable,
    stableSet: new Set(stable),
    entry: tokens.some((token) => token === 'h-entry' || token === 'hentry'),
    title: tokens.some((token) => token === 'p-name' || (TITLE.test(token) && !SUBTITLE.test(token))),
    screenReaderOnly: tokens.some((token) => SCREEN_READER_ONLY.has(token)),
  };
}

/** What `element`'s `class` attribute says (nothing, when it has none). */
export function classNamesOf(element: Element): ClassNames {
  const value = element.attribs['class'];
  if (!value) return NONE;
  let known = CACHE.get(value);
  if (known === undefined) {
    if (CACHE.size >= CACHE_SIZE) CACHE.clear();
    known = read(value);
    CACHE.set(value, known);
  }
  return known;
}
