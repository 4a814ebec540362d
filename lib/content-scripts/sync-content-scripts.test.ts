import { describe, expect, it } from 'vitest';
import { originsToMatchPatterns } from './sync-content-scripts';

describe('originsToMatchPatterns', () => {
  it.each<[string, string[], string[]]>([
    ['one https origin', ['https://blog.example.com'], ['https://blog.example.com/*']],
    ['ports are not part of a match pattern', ['http://127.0.0.1:8080'], ['http://127.0.0.1/*']],
    ['full URLs reduce to their origin', ['https://example.com/feed.xml?x=1'], ['https://example.com/*']],
    ['duplicates collapse and the result is sorted', ['https://b.dev', 'https://a.dev/x', 'https://b.dev/y'], ['https://a.dev/*', 'https://b.dev/*']],
    ['non-web schemes are dropped', ['file:///etc/passwd', 'javascript:alert(1)', 'chrome://settings'], []],
    ['garbage is dropped', ['not a url', ''], []],
  ])('%s', (_name, origins, expected) => {
    expect(originsToMatchPatterns(origins)).toEqual(expected);
  });
});
