/**
 * Chrome refuses an extension message over 64 MiB once serialized, and a backup can hold 64 MB of
 * UTF-8 before escaping: the options page sends it in parts that stay far under that limit even when
 * every character is escaped or takes three bytes.
 */
export const BACKUP_PART_LENGTH = 8 * 1024 * 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cuts `text` into parts of at most `partLength` UTF-16 units, never between the two halves of a surrogate pair. */
export function splitBackupText(text: string, partLength: number = BACKUP_PART_LENGTH): string[] {
  if (partLength < 2) throw new RangeError(`A backup part must hold at least 2 characters, not ${partLength}`);
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + partLength, text.length);
    // A pair cut in two would reach the other side as two lone halves, which a message may replace.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.length === 0 ? [''] : parts;
}
