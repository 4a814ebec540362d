import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.ts';

describe('plainText', () => {
  it.each([
    ['plain', 'Julia Evans', 'Julia Evans'],
    ['bold tags', '<b>Bold</b> title', 'Bold title'],
    ['script tag kept as inert text', '<script>alert(1)</script>Blog', 'alert(1)Blog'],
    ['attributes inside tags', '<img src=x onerror="alert(1)">Pic', 'Pic'],
    ['generics are not markup', 'Vec<T> and Option<Box<T>>', 'Vec<T> and Option<Box<T>>'],
    ['comparison', 'a < b > c', 'a < b > c'],
    ['unclosed tag left literal', 'x <b and more', 'x <b and more'],
    ['whitespace collapsed', '  a \n\t b\u00A0 c  ', 'a b c'],
    ['controls dropped', 'a\u0000b\u0007c\u007F', 'abc'],
    ['upper-case tags', '<SPAN>Hi</SPAN>', 'Hi'],
  ])('%s', (_why, input, expected) => {
    expect(plainText(input, 1000)).toBe(expected);
  });

  it.each([
    ['long text capped', 'x'.repeat(5000), 1000],
    ['many unclosed tags stay linear', '<b '.repeat(500_000), 1000],
  ])('%s', (_why, input, max) => {
    expect(plainText(input, max).length).toBeLessThanOrEqual(max);
  });
});
