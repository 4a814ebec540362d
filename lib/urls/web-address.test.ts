import { describe, expect, it } from 'vitest';
import { parseWebAddress } from './web-address';

const ONLY_WEB_ADDRESSES = 'Partwise can follow only http and https addresses.';

describe('parseWebAddress', () => {
  it.each([
    ['example.com/blog', { ok: true, url: 'https://example.com/blog' }],
    ['  https://example.com/feed.xml#top ', { ok: true, url: 'https://example.com/feed.xml' }],
    ['http://127.0.0.1:8787/feed.xml', { ok: true, url: 'http://127.0.0.1:8787/feed.xml' }],
    ['localhost:8787/feed.xml', { ok: true, url: 'https://localhost:8787/feed.xml' }],
    ['HTTPS://Example.com', { ok: true, url: 'https://example.com/' }],
    ['ftp://files.example.com/feed', { ok: false, message: ONLY_WEB_ADDRESSES }],
    ['javascript:alert(1)', { ok: false, message: ONLY_WEB_ADDRESSES }],
    ['file:///etc/passwd', { ok: false, message: ONLY_WEB_ADDRESSES }],
    ['', { ok: false, message: 'Type the address of a blog or of its feed.' }],
    ['my blog', { ok: false, message: '“my blog” is not a web address.' }],
    ['blog', { ok: false, message: '“blog” is not a web address.' }],
  ])('%s', (input, expected) => {
    expect(parseWebAddress(input)).toEqual(expected);
  });
});
