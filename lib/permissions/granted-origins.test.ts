import { describe, expect, it } from 'vitest';
import { patternCovers } from './granted-origins';
import { originPatterns } from './request-origins';

describe('patternCovers', () => {
  it.each<[string, string, boolean]>([
    ['http://127.0.0.1/*', 'http://127.0.0.1', true],
    ['https://blog.example.com/*', 'https://blog.example.com', true],
    ['https://blog.example.com/*', 'http://blog.example.com', false],
    ['*://blog.example.com/*', 'http://blog.example.com', true],
    ['https://*.example.com/*', 'https://cdn.example.com', true],
    ['https://*.example.com/*', 'https://example.com', true],
    ['https://*.example.com/*', 'https://badexample.com', false],
    ['https://example.com/*', 'https://example.com.evil.test', false],
    ['<all_urls>', 'https://anything.test', true],
    ['https://*/*', 'https://anything.test', true],
    ['https://example.com/path/*', 'https://example.com', false],
    ['http://127.0.0.1/*', 'not an origin', false],
  ])('%s covers %s: %s', (pattern, origin, expected) => {
    expect(patternCovers(pattern, origin)).toBe(expected);
  });
});

describe('originPatterns', () => {
  it.each<[string[], string[]]>([
    [['https://blog.test/feed.xml', 'https://blog.test/'], ['https://blog.test/*']],
    [['http://127.0.0.1:8787/feeds/a.xml', 'https://www.site.test/x'], ['http://127.0.0.1/*', 'https://www.site.test/*']],
    [['javascript:alert(1)', 'file:///etc/passwd', 'nonsense'], []],
  ])('%j', (urls, expected) => {
    expect(originPatterns(urls)).toEqual(expected);
  });
});
