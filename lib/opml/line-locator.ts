/**
 * Returns a function mapping a character offset in `text` to its 1-based line. The
 * newline table is built on first use only, since most imports report no problems.
 */
export function lineLocator(text: string): (offset: number) => number {
  let newlines: number[] | null = null;
  return (offset: number): number => {
    if (newlines === null) newlines = newlineOffsets(text);
    // Binary search for the count of newlines before offset.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((newlines[mid] ?? Infinity) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) offsets.push(at);
  return offsets;
}
