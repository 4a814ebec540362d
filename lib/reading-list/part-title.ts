/** Separators between a series' name, a part's number and the part's own title. */
const SEPARATORS = String.raw`[\s:|,.·•–—-]*`;
/** A part marker as titles write it: "Part 2", "Pt. 2", "#2", "(2)", "2/5", "Episode 2", "Day 2". */
const MARKER = String.raw`(?:\(?(?:part|pt\.?|episode|ep\.?|chapter|day|no\.?)\s*\d+(?:\s*(?:/|of)\s*\d+)?\)?|#\s*\d+|\(\d+(?:/\d+)?\)|\d+(?:\s*/\s*\d+)?(?=[\s:|–—-]|$))`;
const LEADING = new RegExp(`^${SEPARATORS}${MARKER}${SEPARATORS}`, 'i');
const TRAILING = new RegExp(`${SEPARATORS}${MARKER}${SEPARATORS}$`, 'i');
const EDGES = new RegExp(`^${SEPARATORS}|${SEPARATORS}$`, 'g');

/**
 * A part's own title, without its series' name and part number ("Modern Python in Practice #4:
 * Authentication" → "Authentication"), since the popup shows both once for the whole series. Empty when
 * the title is nothing but the series' name and number. Linear: anchored patterns, no nested repetition.
 */
export function partTitle(title: string, seriesName: string): string {
  let rest = title.trim();
  const name = seriesName.trim();
  if (name && rest.toLowerCase().startsWith(name.toLowerCase())) rest = rest.slice(name.length);
  else if (name) {
    // A renamed or loosely named part keeps its words, without a trailing number the popup shows apart.
    return title.trim().replace(TRAILING, '').trim() || title.trim();
  }
  rest = rest.replace(LEADING, '').replace(TRAILING, '');
  return rest.replace(EDGES, '').trim();
}
