import { t } from '../i18n/t';

/**
 * Labels a part the way its title numbers it: "#3" for "Name #3: …", otherwise "Part 3". A part whose
 * title says another part number (an author's series that opens with an unnumbered post, so "Part 1"
 * is its second post) is labelled by its place, "#2", so the label never contradicts the title.
 */
export function partLabel(title: string, part: number | undefined): string | undefined {
  if (part === undefined) return undefined;
  if (new RegExp(`#\\s*0*${part}(?!\\d)`).test(title)) return `#${part}`;
  const said = /\bpart\s+(\d+)\b/i.exec(title)?.[1];
  return said !== undefined && Number(said) !== part ? `#${part}` : t('partLabel', part);
}
