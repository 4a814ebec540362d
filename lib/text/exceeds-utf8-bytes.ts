/**
 * True when `text` encoded as UTF-8 is longer than `maxBytes`. Counts without
 * allocating (no TextEncoder copy of a possibly huge string) and stops early.
 */
export function exceedsUtf8Bytes(text: string, maxBytes: number): boolean {
  // Every UTF-16 unit is at least one byte and at most three.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // Each half of a surrogate pair counts 2, since the pair is one 4-byte code point.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}
