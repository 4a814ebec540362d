import { describe, expect, it } from 'vitest';
import { articleUrlKeys, normalizeArticleUrl, UrlError } from './normalize.ts';

// [why, url a, url b] — real-world URL shapes that must give the SAME key.
const sameArticle: [string, string, string][] = [
  ['scheme http vs https', 'http://jvns.ca/blog/2024/01/26/dns-debugging/', 'https://jvns.ca/blog/2024/01/26/dns-debugging/'],
  ['leading www', 'https://www.joelonsoftware.com/2000/04/06/things-you-should-never-do-part-i/', 'https://joelonsoftware.com/2000/04/06/things-you-should-never-do-part-i/'],
  ['host case', 'https://Martinfowler.COM/articles/microservices.html', 'https://martinfowler.com/articles/microservices.html'],
  ['trailing slash', 'https://overreacted.io/a-complete-guide-to-useeffect/', 'https://overreacted.io/a-complete-guide-to-useeffect'],
  ['fragment', 'https://danluu.com/cocktail-ideas/#fn:1', 'https://danluu.com/cocktail-ideas/'],
  ['default https port', 'https://blog.cloudflare.com:443/the-road-to-quic/', 'https://blog.cloudflare.com/the-road-to-quic/'],
  ['default http port', 'http://paulgraham.com:80/greatwork.html', 'http://paulgraham.com/greatwork.html'],
  ['https port on http scheme', 'http://www.brendangregg.com:443/blog/2024-03-24/linux-crisis-tools.html', 'https://www.brendangregg.com/blog/2024-03-24/linux-crisis-tools.html'],
  ['utm parameters', 'https://simonwillison.net/2024/Mar/8/gpt-4-barrier/?utm_source=rss&utm_medium=feed&utm_campaign=weekly', 'https://simonwillison.net/2024/Mar/8/gpt-4-barrier/'],
  ['upper-case UTM names', 'https://lwn.net/Articles/963173/?UTM_Source=newsletter', 'https://lwn.net/Articles/963173/'],
  ['fbclid', 'https://www.theverge.com/2024/3/1/24087587/apple-car?fbclid=IwAR0abc123', 'https://www.theverge.com/2024/3/1/24087587/apple-car'],
  ['gclid and dclid', 'https://example-shop.com/blog/launch?gclid=Cj0KCQ&dclid=CJ7', 'https://example-shop.com/blog/launch'],
  ['msclkid', 'https://devblogs.microsoft.com/typescript/announcing-typescript-5-4/?msclkid=8f2b', 'https://devblogs.microsoft.com/typescript/announcing-typescript-5-4/'],
  ['twclid and igshid', 'https://www.instagram.com/p/C4abc/?igshid=MzRlODBiNWFlZA==&twclid=2-abc', 'https://instagram.com/p/C4abc/'],
  ['mailchimp ids', 'https://stratechery.com/2024/aggregators-and-ai/?mc_cid=1234abcd&mc_eid=5678efgh', 'https://stratechery.com/2024/aggregators-and-ai/'],
  ['hubspot ids', 'https://blog.hubspot.com/marketing/seo?_hsenc=p2ANqtz-abc&_hsmi=291234', 'https://blog.hubspot.com/marketing/seo'],
  ['ref parameter', 'https://www.smashingmagazine.com/2024/02/css-nesting/?ref=sidebar', 'https://www.smashingmagazine.com/2024/02/css-nesting/'],
  ['source parameter', 'https://medium.com/@dan_abramov/smart-and-dumb-components-7ca2f9a7c7d0?source=rss----138adf9c44c---4', 'https://medium.com/@dan_abramov/smart-and-dumb-components-7ca2f9a7c7d0'],
  ['ghost ref on substack-like newsletter', 'https://newsletter.pragmaticengineer.com/p/the-scoop-59?ref=feed', 'https://newsletter.pragmaticengineer.com/p/the-scoop-59'],
  ['matomo pk_ parameters', 'https://kde.org/announcements/megarelease/6/?pk_campaign=rss&pk_kwd=plasma', 'https://kde.org/announcements/megarelease/6/'],
  ['final index.html', 'https://www.gnu.org/philosophy/free-sw.en.html/index.html', 'https://www.gnu.org/philosophy/free-sw.en.html/'],
  ['directory index.html', 'https://go.dev/blog/index.html', 'https://go.dev/blog/'],
  ['index.html and trailing slash combined', 'http://www.catb.org/~esr/writings/cathedral-bazaar/index.html', 'https://catb.org/~esr/writings/cathedral-bazaar'],
  ['query order', 'https://news.ycombinator.com/item?id=39574848&p=2', 'https://news.ycombinator.com/item?p=2&id=39574848'],
  ['meaningful p kept beside tracking', 'https://example.wordpress.com/?p=123&utm_source=twitter', 'https://example.wordpress.com/?p=123'],
  ['percent-encoded unreserved char', 'https://www.cs.cmu.edu/%7Ecrary/819-f09/', 'https://www.cs.cmu.edu/~crary/819-f09/'],
  ['lower-case hex escapes', 'https://fr.wikipedia.org/wiki/Caf%c3%a9', 'https://fr.wikipedia.org/wiki/Caf%C3%A9'],
  ['raw unicode vs encoded', 'https://fr.wikipedia.org/wiki/Café', 'https://fr.wikipedia.org/wiki/Caf%C3%A9'],
  ['plus vs %20 in query', 'https://duckduckgo.com/?q=rust+async', 'https://duckduckgo.com/?q=rust%20async'],
  ['empty query', 'https://www.joshwcomeau.com/css/center-a-div/?', 'https://www.joshwcomeau.com/css/center-a-div/'],
  ['query only tracking', 'https://css-tricks.com/snippets/css/a-guide-to-flexbox/?utm_content=buffer&fbclid=x', 'https://css-tricks.com/snippets/css/a-guide-to-flexbox'],
  ['empty value spelled two ways', 'https://example.com/post?draft', 'https://example.com/post?draft='],
  ['credentials dropped', 'https://user:secret@blog.example.org/post/1', 'https://blog.example.org/post/1'],
  ['trailing dot in host', 'https://rachelbythebay.com./w/2024/03/01/thing/', 'https://rachelbythebay.com/w/2024/03/01/thing/'],
  ['dot segments', 'https://eli.thegreenplace.net/2024/./go-generics/../go-generics/', 'https://eli.thegreenplace.net/2024/go-generics'],
  ['surrounding whitespace', '  https://lobste.rs/s/abc123/some_story  ', 'https://lobste.rs/s/abc123/some_story'],
  ['IDN host', 'https://bücher.example/rezension/1', 'https://xn--bcher-kva.example/rezension/1'],
  ['ampersands in a row', 'https://example.com/a?x=1&&y=2&', 'https://example.com/a?y=2&x=1'],
  ['hsa_ google ads family', 'https://saas.example.io/blog/pricing?hsa_acc=1&hsa_cam=2', 'https://saas.example.io/blog/pricing'],
  ['mtm_ matomo tag manager', 'https://www.mozilla.org/en-US/firefox/?mtm_campaign=x', 'https://mozilla.org/en-US/firefox'],
];

// [why, url a, url b] — URLs that must give DIFFERENT keys.
const differentArticle: [string, string, string][] = [
  ['path case is kept', 'https://github.com/Microsoft/TypeScript/wiki/FAQ', 'https://github.com/microsoft/typescript/wiki/faq'],
  ['different ?p', 'https://example.wordpress.com/?p=123', 'https://example.wordpress.com/?p=124'],
  ['different ?id', 'https://news.ycombinator.com/item?id=7', 'https://news.ycombinator.com/item?id=8'],
  ['?id present vs absent', 'https://news.ycombinator.com/item?id=7', 'https://news.ycombinator.com/item'],
  ['different host', 'https://blog.rust-lang.org/2024/02/08/Rust-1.76.0.html', 'https://blog.rust-lang.org.evil.com/2024/02/08/Rust-1.76.0.html'],
  ['subdomain other than www', 'https://www2.example.com/post', 'https://example.com/post'],
  ['non-default port', 'http://localhost:8080/post/1', 'http://localhost/post/1'],
  ['different slug', 'https://jvns.ca/blog/2024/01/26/dns-debugging/', 'https://jvns.ca/blog/2024/01/26/dns-debugging-2/'],
  ['series part numbers', 'https://fasterthanli.me/series/building-a-rust-service-with-nix/part-1', 'https://fasterthanli.me/series/building-a-rust-service-with-nix/part-10'],
  ['page parameter is meaningful', 'https://lwn.net/Articles/963173/?page=2', 'https://lwn.net/Articles/963173/'],
  ['encoded slash is not a slash', 'https://example.com/a%2Fb', 'https://example.com/a/b'],
  ['encoded question mark is path', 'https://example.com/what%3F', 'https://example.com/what?'],
  ['index.html in the middle is a folder name', 'https://example.com/index.html/post', 'https://example.com/post'],
  ['other file than index', 'https://go.dev/blog/about.html', 'https://go.dev/blog/'],
  ['tracking-like but meaningful name', 'https://example.com/search?sourcecode=1', 'https://example.com/search'],
  ['repeated parameter order matters', 'https://example.com/f?tag=a&tag=b', 'https://example.com/f?tag=b&tag=a'],
  ['AMP page is its own key in normalizeArticleUrl', 'https://www.example.com/2024/01/post/amp/', 'https://www.example.com/2024/01/post/'],
  ['plus in path is literal', 'https://example.com/c++', 'https://example.com/c%20%20'],
  ['medium post ids differ', 'https://medium.com/@user/post-7ca2f9a7c7d0', 'https://medium.com/@user/post-7ca2f9a7c7d1'],
  ['different TLD', 'https://example.co.uk/post', 'https://example.com/post'],
];

// [input, expected key] — exact key shape.
const exactKeys: [string, string][] = [
  ['https://www.Example.com:443/a/b/?utm_source=x&b=2&a=1#frag', 'example.com/a/b?a=1&b=2'],
  ['http://example.com/', 'example.com/'],
  ['https://example.com/index.html', 'example.com/'],
  ['https://example.com/?p=123&fbclid=abc', 'example.com/?p=123'],
  ['https://example.com/%e9', 'example.com/%E9'],
  ['https://example.com/caf%c3%a9/%7euser?q=a+b', 'example.com/caf%C3%A9/~user?q=a%20b'],
  ['https://[2001:db8::1]:8443/x', '[2001:db8::1]:8443/x'],
];

const invalid: [string, string][] = [
  ['', 'invalid-url'],
  ['not a url', 'invalid-url'],
  ['/relative/path', 'invalid-url'],
  ['javascript:alert(1)', 'unsupported-scheme'],
  ['file:///etc/passwd', 'unsupported-scheme'],
  ['ftp://ftp.example.com/file', 'unsupported-scheme'],
  ['data:text/html,<script>alert(1)</script>', 'unsupported-scheme'],
];

describe('normalizeArticleUrl', () => {
  it.each(sameArticle)('same article: %s', (_why, a, b) => {
    expect(normalizeArticleUrl(a)).toBe(normalizeArticleUrl(b));
  });

  it.each(differentArticle)('different article: %s', (_why, a, b) => {
    expect(normalizeArticleUrl(a)).not.toBe(normalizeArticleUrl(b));
  });

  it.each(exactKeys)('%s → %s', (input, key) => {
    expect(normalizeArticleUrl(input)).toBe(key);
  });

  it.each(invalid)('refuses %j with %s', (input, code) => {
    expect(() => normalizeArticleUrl(input)).toThrow(UrlError);
    try {
      normalizeArticleUrl(input);
    } catch (error) {
      expect(error).toBeInstanceOf(UrlError);
      expect((error as UrlError).code).toBe(code);
      expect((error as UrlError).message.length).toBeGreaterThan(10);
    }
  });

  it('has at least 60 real-world cases', () => {
    expect(sameArticle.length + differentArticle.length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['many percent signs', `https://example.com/${'%'.repeat(50_000)}`],
    ['many ampersands', `https://example.com/?${'&'.repeat(50_000)}a=1`],
    ['many slashes', `https://example.com/${'/'.repeat(50_000)}x`],
    ['long unicode path', `https://example.com/${'é'.repeat(20_000)}`],
  ])('stays linear on pathological input: %s', (_why, input) => {
    const key = normalizeArticleUrl(input);
    expect(key.startsWith('example.com/')).toBe(true);
  });
});

describe('articleUrlKeys', () => {
  const cases: [string, string, { canonical?: string | null; ogUrl?: string | null } | undefined, string[]][] = [
    ['plain page', 'https://example.com/post/', undefined, ['example.com/post']],
    ['/amp suffix', 'https://www.example.com/2024/01/post/amp', undefined, ['example.com/2024/01/post/amp', 'example.com/2024/01/post']],
    ['/amp/ suffix', 'https://example.com/2024/01/post/amp/', undefined, ['example.com/2024/01/post/amp', 'example.com/2024/01/post']],
    ['?amp=1', 'https://example.com/post/?amp=1', undefined, ['example.com/post?amp=1', 'example.com/post']],
    ['bare ?amp', 'https://example.com/post/?amp', undefined, ['example.com/post?amp', 'example.com/post']],
    ['?amp keeps other params', 'https://example.com/?p=9&amp=1', undefined, ['example.com/?amp=1&p=9', 'example.com/?p=9']],
    ['/amp/ prefix', 'https://example.com/amp/2024/01/post.html', undefined, ['example.com/amp/2024/01/post.html', 'example.com/2024/01/post.html']],
    ['.amp.html', 'https://www.example.com/news/story-123.amp.html', undefined, ['example.com/news/story-123.amp.html', 'example.com/news/story-123.html']],
    ['amp. host', 'https://amp.theguardian.com/world/2024/mar/01/story', undefined, ['amp.theguardian.com/world/2024/mar/01/story', 'theguardian.com/world/2024/mar/01/story']],
    ['Google AMP viewer', 'https://www.google.com/amp/s/www.example.com/post/amp/', undefined, ['google.com/amp/s/www.example.com/post/amp', 'example.com/post']],
    ['AMP cache', 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/post/amp', undefined, ['www-example-com.cdn.ampproject.org/c/s/www.example.com/post/amp', 'example.com/post']],
    ['/amp alone is not stripped', 'https://example.com/amp', undefined, ['example.com/amp']],
    ['canonical and og:url', 'https://example.com/post?utm_source=x', { canonical: 'https://example.com/2024/post/', ogUrl: 'http://www.example.com/2024/post' }, ['example.com/post', 'example.com/2024/post']],
    ['relative canonical', 'https://example.com/amp/post', { canonical: '/post' }, ['example.com/amp/post', 'example.com/post']],
    ['null hints', 'https://example.com/p', { canonical: null, ogUrl: null }, ['example.com/p']],
    ['javascript: canonical ignored', 'https://example.com/p', { canonical: 'javascript:alert(1)', ogUrl: '   ' }, ['example.com/p']],
    ['invalid page, valid canonical', 'not a url', { canonical: 'https://example.com/a' }, ['example.com/a']],
    ['invalid page, relative canonical', 'chrome://newtab/', { canonical: '/a' }, []],
    ['garbage everywhere', '', { canonical: 'http://', ogUrl: 'file:///x' }, []],
  ];

  it.each(cases)('%s', (_why, page, hints, expected) => {
    expect(articleUrlKeys(page, hints)).toEqual(expected);
  });

  it('matches an AMP visit to the feed link of the article', () => {
    const feedKey = normalizeArticleUrl('https://example.com/2024/01/post/?utm_source=rss');
    expect(articleUrlKeys('https://www.example.com/2024/01/post/amp/?amp=1')).toContain(feedKey);
  });
});
