import { describe, expect, it } from 'vitest';
import { resolveBase, resolveHtmlUrls, resolveUrl } from './resolve-url';

describe('resolveUrl', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['https://example.com/a', undefined, 'https://example.com/a'],
    ['HTTPS://Example.COM/a b', undefined, 'https://example.com/a%20b'],
    ['  /posts/1.html\n', 'https://example.com/blog/feed.xml', 'https://example.com/posts/1.html'],
    ['posts/1.html', 'https://example.com/blog/feed.xml', 'https://example.com/blog/posts/1.html'],
    ['../x', 'https://example.com/a/b/c', 'https://example.com/a/x'],
    ['//cdn.example.com/x.png', undefined, 'https://cdn.example.com/x.png'],
    ['//cdn.example.com/x.png', 'http://example.com/', 'http://cdn.example.com/x.png'],
    ['javascript:alert(1)', 'https://example.com/', undefined],
    ['data:text/html,<script>', 'https://example.com/', undefined],
    ['mailto:me@example.com', undefined, undefined],
    ['ftp://example.com/file', undefined, undefined],
    ['relative/without/base', undefined, undefined],
    ['', 'https://example.com/', undefined],
    ['https://example.com/a?x=1&y=2#f', undefined, 'https://example.com/a?x=1&y=2#f'],
    ['http://example.com:80/a/./b/../c', undefined, 'http://example.com/a/c'],
  ])('%j against %j', (value, base, expected) => expect(resolveUrl(value, base)).toBe(expected));

  it('chains xml:base', () => {
    const feed = resolveBase('https://example.com/feeds/main.xml', '../blog/');
    const entry = resolveBase(feed, 'posts/2024/');
    expect(entry).toBe('https://example.com/blog/posts/2024/');
    expect(resolveBase(entry, '  ')).toBe(entry);
    expect(resolveBase(undefined, 'relative/')).toBeUndefined();
  });
});

describe('resolveHtmlUrls', () => {
  const base = 'https://example.com/blog/post/';
  it.each([
    ['href and src', '<a href="next.html">n</a><img src=\'/img/a.png\'>', '<a href="https://example.com/blog/post/next.html">n</a><img src="https://example.com/img/a.png">'],
    ['unquoted', '<a href=../x.html>x</a>', '<a href="https://example.com/blog/x.html">x</a>'],
    ['absolute and fragments untouched', '<a href="https://o.example/">o</a><a href="#fn1">1</a><a href="mailto:a@b.c">m</a>', '<a href="https://o.example/">o</a><a href="#fn1">1</a><a href="mailto:a@b.c">m</a>'],
    ['encoded ampersands', '<a href="q?a=1&amp;b=2">q</a>', '<a href="https://example.com/blog/post/q?a=1&amp;b=2">q</a>'],
    ['srcset', '<img srcset="a.png 1x, /b.png 2x">', '<img srcset="https://example.com/blog/post/a.png 1x, https://example.com/b.png 2x">'],
    ['text that looks like an attribute', 'x = y and href is not here', 'x = y and href is not here'],
    ['spaces around the value', '<a href=" /relative/uri ">c</a>', '<a href="https://example.com/relative/uri">c</a>'],
  ])('%s', (_name, html, expected) => expect(resolveHtmlUrls(html, base)).toBe(expected));

  it('leaves HTML alone without a base', () => expect(resolveHtmlUrls('<a href="x">', undefined)).toBe('<a href="x">'));
});
