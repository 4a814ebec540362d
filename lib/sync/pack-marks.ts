import { MARK_HASH_BYTES } from './mark-hash';
import type { ReadMark } from './sync-doc';

/** One mark with its hash, as packed. */
export interface PackedMark extends ReadMark {
  hash: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// LEB128 with arithmetic rather than bit operators: values may exceed 31 bits.
function pushVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) + 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Marks sorted the way they are packed: by stamp, then hash (so equal sets pack to equal bytes). */
export function packOrder(marks: readonly PackedMark[]): PackedMark[] {
  return [...marks].sort((a, b) => a.stamp - b.stamp || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

/**
 * Packs marks (already in packOrder) into base64url chunks of at most `maxBytes` raw bytes each. A record
 * is varint(stamp delta × 2 + unread) then the hash's 5 bytes; each chunk starts its deltas from 0, so
 * every chunk decodes alone (the sync engine may deliver one item before another).
 */
export function packMarks(sorted: readonly PackedMark[], maxBytes: number): string[] {
  const chunks: string[] = [];
  let bytes: number[] = [];
  let previous = 0;
  for (const mark of sorted) {
    const record: number[] = [];
    pushVarint(record, (mark.stamp - previous) * 2 + (mark.read ? 0 : 1));
    for (let i = 0; i < MARK_HASH_BYTES; i++) record.push(parseInt(mark.hash.slice(i * 2, i * 2 + 2), 16));
    if (bytes.length + record.length > maxBytes && bytes.length > 0) {
      chunks.push(toBase64Url(Uint8Array.from(bytes)));
      bytes = [];
      record.length = 0;
      pushVarint(record, mark.stamp * 2 + (mark.read ? 0 : 1));
      for (let i = 0; i < MARK_HASH_BYTES; i++) record.push(parseInt(mark.hash.slice(i * 2, i * 2 + 2), 16));
    }
    bytes.push(...record);
    previous = mark.stamp;
  }
  if (bytes.length > 0) chunks.push(toBase64Url(Uint8Array.from(bytes)));
  return chunks;
}

/** Unpacks one chunk; throws a RangeError on a truncated or malformed chunk. */
export function unpackMarks(chunk: string): PackedMark[] {
  const bytes = fromBase64Url(chunk);
  const marks: PackedMark[] = [];
  let stamp = 0;
  let i = 0;
  while (i < bytes.length) {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      if (i >= bytes.length) throw new RangeError('A read-mark chunk ends inside a number.');
      byte = bytes[i++]!;
      value += (byte % 0x80) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    if (i + MARK_HASH_BYTES > bytes.length) throw new RangeError('A read-mark chunk ends inside a hash.');
    stamp += Math.floor(value / 2);
    let hash = '';
    for (let k = 0; k < MARK_HASH_BYTES; k++) hash += bytes[i++]!.toString(16).padStart(2, '0');
    marks.push({ hash, stamp, read: value % 2 === 0 });
  }
  return marks;
}
