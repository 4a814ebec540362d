import { describe, expect, it } from 'vitest';
import { fileSizeText } from './file-size';

describe('fileSizeText', () => {
  it.each<[number, string]>([
    [64 * 1024 * 1024, '64 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [1024 * 1024, '1 MB'],
    [100, '1 KB'],
    [1000, '1 KB'],
    [500 * 1024, '500 KB'],
  ])('says %i bytes as %j', (bytes, expected) => {
    expect(fileSizeText(bytes)).toBe(expected);
  });
});
