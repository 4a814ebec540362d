/** "1 feed", "2 feeds": a count with its noun in the right number (English; translations use t()'s plurals). */
export function countNoun(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : other}`;
}
