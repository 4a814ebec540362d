/** Labels a part the way its title numbers it: "#3" for "Name #3: …", otherwise "Part 3". */
export function partLabel(title: string, part: number | undefined): string | undefined {
  if (part === undefined) return undefined;
  return new RegExp(`#\\s*0*${part}(?!\\d)`).test(title) ? `#${part}` : `Part ${part}`;
}
