import { describe, expect, it } from 'vitest';
import { parseUrlMarker, urlSlug } from './url-marker';

describe('parseUrlMarker', () => {
  it.each<[string, { stem: string; part: number; strength: 'strong' | 'weak' } | null]>([
    ['https://blog.example/writing-a-grpc-api-tutorial-part-2-the-basics/', { stem: 'writing a grpc api tutorial', part: 2, strength: 'strong' }],
    ['https://blog.example/rest-maturity-levels-part-ii-resources/', { stem: 'rest maturity levels', part: 2, strength: 'strong' }],
    ['https://dev.to/someone/event-bus-part1', { stem: 'event bus', part: 1, strength: 'strong' }],
    ['https://forem.com/k/my-series-part-2-4k2j', { stem: 'my series', part: 2, strength: 'strong' }],
    ['https://blog.example/Keyboard-Macros-Part-1%3A-Recording.html', { stem: 'keyboard macros', part: 1, strength: 'strong' }],
    ['https://blog.example/ouch-my-build-pt-2', { stem: 'ouch my build', part: 2, strength: 'strong' }],
    ['https://www.example.com/episode/dev-stream-012/', { stem: 'dev stream', part: 12, strength: 'weak' }],
    ['https://dev.to/someone/newcomer-series3?utm=x#top', { stem: 'newcomer series', part: 3, strength: 'weak' }],
    ['https://blog.example/deno1.40beta2', null],
    ['https://blog.example/survey2025-q1', null],
    ['https://www.example.com/episode/dev-roundup-2301/', null],
    ['https://example.com/2014/05/24/links-of-the-week-2/', null],
    ['https://forem.com/k/kotlin-coroutines-2026-511', null],
    ['https://blog.example/warum-ist-das-ueberhaupt-100.html', { stem: 'warum ist das ueberhaupt', part: 100, strength: 'weak' }],
    ['https://example.com/', null],
    ['https://example.com', null],
    ['https://example.com/about-me/', null],
  ])('%s', (url, expected) => {
    expect(parseUrlMarker(url)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['https://forem.com/k/some-title-p4i', 'some-title'],
    ['https://medium.com/@a/taming-log-noise-3b8e21f0c7aa', 'taming-log-noise'],
    ['https://x.dev/a/ws-cli-2', 'ws-cli-2'],
    ['https://x.dev/post.html', 'post'],
    ['https://x.dev', null],
  ])('slug of %s', (url, slug) => {
    expect(urlSlug(url)).toBe(slug);
  });
});
