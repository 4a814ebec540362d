import { describe, expect, it } from 'vitest';
import { BackupError, parseBackup, type BackupV1 } from './parse-backup.ts';
import { serializeBackup } from './serialize-backup.ts';

function validBackup(): BackupV1 {
  return {
    format: 'partwise-backup',
    version: 1,
    exportedAt: '2026-11-22T17:00:00.000Z',
    settings: { theme: 'dark', refreshMinutes: 30, notifications: true, lastTab: null },
    subscriptions: [
      {
        feedUrl: 'https://jvns.ca/atom.xml',
        siteUrl: 'https://jvns.ca/',
        title: 'Julia Evans',
        customTitle: 'Julia',
        tags: ['Tech', 'Linux'],
        refreshMinutes: 60,
        notify: true,
        markOnVisit: true,
        createdAt: '2026-01-02T03:04:05Z',
        read: [
          { postId: 'https://jvns.ca/blog/2024/01/26/dns-debugging/', url: 'https://jvns.ca/blog/2024/01/26/dns-debugging/', readAt: '2026-02-01T10:00:00.123+01:00' },
          { postId: 'tag:jvns.ca,2024:42', title: 'DNS, part 2: <script>alert(1)</script>', readAt: '2026-02-02T10:00:00Z' },
        ],
        seriesOverrides: [{ kind: 'split', postIds: ['a', 'b'], note: { why: 'two series' } }],
      },
      {
        feedUrl: 'http://scripting.com/rss.xml',
        title: '',
        tags: [],
        notify: false,
        markOnVisit: false,
        createdAt: '2025-12-31T23:59:59Z',
        read: [],
        seriesOverrides: [],
      },
    ],
  };
}

/** A valid backup with one field replaced (or removed when `value` is undefined), as JSON text. */
function withField(path: (string | number)[], value: unknown): string {
  const root: unknown = JSON.parse(JSON.stringify(validBackup()));
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return JSON.stringify(root);
}

function errorOf(run: () => unknown): BackupError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected a BackupError');
}

describe('parseBackup', () => {
  it('round-trips through serializeBackup', () => {
    const backup = validBackup();
    const text = serializeBackup(backup);
    expect(text).toContain('\n  "format": "partwise-backup",\n');
    expect(parseBackup(text)).toEqual(backup);
    expect(serializeBackup(parseBackup(text))).toBe(text);
  });

  it.each([
    ['title with a script', ['subscriptions', 0, 'title'], '<script>alert(1)</script>'],
    ['custom title with markup', ['subscriptions', 0, 'customTitle'], '<img src=x onerror=alert(1)>'],
    ['tag with markup', ['subscriptions', 0, 'tags', 0], '"><svg onload=alert(1)>'],
    ['setting with markup', ['settings', 'theme'], '</style><script>x()</script>'],
  ])('keeps %s as data', (_why, path, value) => {
    const parsed = parseBackup(withField(path, value));
    const read = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], parsed);
    expect(read).toBe(value);
  });

  it.each([
    ['not JSON at all', 'hello', 'not-json', undefined],
    ['truncated JSON', serializeBackup(validBackup()).slice(0, 200), 'not-json', undefined],
    ['empty file', '', 'not-json', undefined],
    ['an array', '[1, 2, 3]', 'foreign', undefined],
    ['an empty object', '{}', 'foreign', undefined],
    ['null', 'null', 'foreign', undefined],
    ['a string', '"partwise-backup"', 'foreign', undefined],
    ['a JSON Feed', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [] }), 'foreign', undefined],
    ['another app backup', JSON.stringify({ format: 'feedbro-backup', version: 1 }), 'foreign', undefined],
    ['newer version', withField(['version'], 2), 'unsupported-version', 'version'],
    ['version as text', withField(['version'], '1'), 'unsupported-version', 'version'],
    ['missing version', withField(['version'], undefined), 'unsupported-version', 'version'],
    ['version 0', withField(['version'], 0), 'unsupported-version', 'version'],
  ])('refuses %s (%s)', (_why, text, code, path) => {
    const error = errorOf(() => parseBackup(text));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/^This (file|backup)/);
  });

  const invalid: [string, (string | number)[], unknown, string][] = [
    ['exportedAt missing', ['exportedAt'], undefined, 'exportedAt'],
    ['exportedAt not a date', ['exportedAt'], 'yesterday', 'exportedAt'],
    ['exportedAt impossible day', ['exportedAt'], '2026-02-30T00:00:00Z', 'exportedAt'],
    ['exportedAt without zone', ['exportedAt'], '2026-02-03T00:00:00', 'exportedAt'],
    ['settings an array', ['settings'], [], 'settings'],
    ['setting an object', ['settings', 'theme'], { a: 1 }, 'settings.theme'],
    ['setting with odd key', ['settings', 'a b'], [1], 'settings["a b"]'],
    ['subscriptions not a list', ['subscriptions'], { 0: {} }, 'subscriptions'],
    ['subscription not an object', ['subscriptions', 1], 'x', 'subscriptions[1]'],
    ['feedUrl relative', ['subscriptions', 1, 'feedUrl'], '/rss.xml', 'subscriptions[1].feedUrl'],
    ['feedUrl javascript:', ['subscriptions', 1, 'feedUrl'], 'javascript:alert(1)', 'subscriptions[1].feedUrl'],
    ['feedUrl file:', ['subscriptions', 0, 'feedUrl'], 'file:///etc/passwd', 'subscriptions[0].feedUrl'],
    ['feedUrl a number', ['subscriptions', 0, 'feedUrl'], 42, 'subscriptions[0].feedUrl'],
    ['feedUrl duplicated', ['subscriptions', 1, 'feedUrl'], 'https://jvns.ca/atom.xml', 'subscriptions[1].feedUrl'],
    ['siteUrl data:', ['subscriptions', 0, 'siteUrl'], 'data:text/html,x', 'subscriptions[0].siteUrl'],
    ['title missing', ['subscriptions', 0, 'title'], undefined, 'subscriptions[0].title'],
    ['title too long', ['subscriptions', 0, 'title'], 'x'.repeat(2001), 'subscriptions[0].title'],
    ['tags not a list', ['subscriptions', 0, 'tags'], 'Tech', 'subscriptions[0].tags'],
    ['empty tag', ['subscriptions', 0, 'tags', 1], '', 'subscriptions[0].tags[1]'],
    ['too many tags', ['subscriptions', 0, 'tags'], Array.from({ length: 201 }, (_, i) => `t${i}`), 'subscriptions[0].tags'],
    ['refreshMinutes fractional', ['subscriptions', 0, 'refreshMinutes'], 1.5, 'subscriptions[0].refreshMinutes'],
    ['refreshMinutes zero', ['subscriptions', 0, 'refreshMinutes'], 0, 'subscriptions[0].refreshMinutes'],
    ['notify as text', ['subscriptions', 0, 'notify'], 'true', 'subscriptions[0].notify'],
    ['markOnVisit missing', ['subscriptions', 1, 'markOnVisit'], undefined, 'subscriptions[1].markOnVisit'],
    ['createdAt number', ['subscriptions', 0, 'createdAt'], 1700000000000, 'subscriptions[0].createdAt'],
    ['read not a list', ['subscriptions', 0, 'read'], {}, 'subscriptions[0].read'],
    ['read mark without postId', ['subscriptions', 0, 'read', 1, 'postId'], undefined, 'subscriptions[0].read[1].postId'],
    ['read mark with bad date', ['subscriptions', 0, 'read', 0, 'readAt'], '2026-13-01T00:00:00Z', 'subscriptions[0].read[0].readAt'],
    ['read mark with a numeric title', ['subscriptions', 0, 'read', 1, 'title'], 7, 'subscriptions[0].read[1].title'],
    ['read mark with javascript url', ['subscriptions', 0, 'read', 0, 'url'], 'javascript:void 0', 'subscriptions[0].read[0].url'],
    ['override not an object', ['subscriptions', 0, 'seriesOverrides', 0], ['split'], 'subscriptions[0].seriesOverrides[0]'],
    ['override without kind', ['subscriptions', 0, 'seriesOverrides', 0, 'kind'], undefined, 'subscriptions[0].seriesOverrides[0].kind'],
    ['override kind a number', ['subscriptions', 0, 'seriesOverrides', 0, 'kind'], 3, 'subscriptions[0].seriesOverrides[0].kind'],
    ['override nested too deeply', ['subscriptions', 0, 'seriesOverrides', 0, 'deep'], JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`), 'subscriptions[0].seriesOverrides[0].deep' + '[0]'.repeat(31)],
  ];

  it.each(invalid)('refuses %s with a path', (_why, path, value, errorPath) => {
    const error = errorOf(() => parseBackup(withField(path, value)));
    expect(error.code).toBe('invalid');
    expect(error.path).toBe(errorPath);
    expect(error.message).toContain(errorPath);
    expect(error.message).toContain('nothing was imported');
  });

  it('explains a bad address in plain words', () => {
    const error = errorOf(() => parseBackup(withField(['subscriptions', 1, 'feedUrl'], 'ftp://x')));
    expect(error.message).toBe('This backup file is damaged (subscriptions[1].feedUrl is not a web address), so nothing was imported.');
  });

  it('refuses Infinity smuggled in as 1e400', () => {
    const text = serializeBackup(validBackup()).replace('"refreshMinutes": 30', '"refreshMinutes": 1e400');
    expect(errorOf(() => parseBackup(text)).path).toBe('settings.refreshMinutes');
  });

  it.each([
    ['top level', (t: string) => t.replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')],
    ['settings', (t: string) => t.replace('"settings": {', '"settings": {"__proto__": {"polluted": true},')],
    ['subscription', (t: string) => t.replace('"feedUrl": "https://jvns.ca/atom.xml",', '"feedUrl": "https://jvns.ca/atom.xml", "__proto__": {"polluted": true},')],
    ['series override', (t: string) => t.replace('"kind": "split",', '"kind": "split", "__proto__": {"polluted": true}, "prototype": 1, "nested": {"__proto__": {"polluted": true}, "ok": 1},')],
  ])('ignores __proto__ / constructor keys in %s', (_why, inject) => {
    const text = inject(serializeBackup(validBackup()));
    expect(text).toContain('__proto__');
    const parsed = parseBackup(text);
    const merged = Object.assign({}, parsed.settings, parsed.subscriptions[0], parsed.subscriptions[0]?.seriesOverrides[0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(parsed.settings, '__proto__')).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('__proto__');
  });

  it('keeps unknown override fields but drops unknown subscription fields', () => {
    const text = withField(['subscriptions', 0, 'futureField'], 'x');
    const parsed = parseBackup(text);
    expect(parsed.subscriptions[0]).not.toHaveProperty('futureField');
    expect(parsed.subscriptions[0]?.seriesOverrides[0]).toEqual({ kind: 'split', postIds: ['a', 'b'], note: { why: 'two series' } });
  });

  it.each([
    ['default limit, 65 MB file', 'x'.repeat(65 * 1024 * 1024), undefined],
    ['custom limit', serializeBackup(validBackup()), 100],
    ['multi-byte characters counted in bytes', `"${'é'.repeat(60)}"`, 100],
  ])('refuses a file over the size limit: %s', (_why, text, maxBytes) => {
    const error = errorOf(() => parseBackup(text, maxBytes === undefined ? undefined : { maxBytes }));
    expect(error.code).toBe('too-large');
  });

  it('accepts a large genuine backup (2,000 subscriptions × 50 read marks)', () => {
    const backup = validBackup();
    const template = backup.subscriptions[1];
    if (template === undefined) throw new Error('fixture changed');
    backup.subscriptions = Array.from({ length: 2000 }, (_, i) => ({
      ...template,
      feedUrl: `https://blog${i}.example.com/feed.xml`,
      read: Array.from({ length: 50 }, (_, j) => ({ postId: `post-${i}-${j}`, readAt: '2026-03-04T05:06:07Z' })),
    }));
    const parsed = parseBackup(serializeBackup(backup));
    expect(parsed.subscriptions).toHaveLength(2000);
    expect(parsed.subscriptions.reduce((sum, s) => sum + s.read.length, 0)).toBe(100_000);
  });
});
