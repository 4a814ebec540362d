/**
 * Conformance of lib/feeds against ../shared/corpus/feedparser-open (cases converted from the test
 * suite of Python's feedparser). Prints the pass rate per tier; `--verbose` lists failures.
 *
 *   npm run eval:feeds [-- --verbose] [-- --tier core]
 *
 * How feedparser's expectations map onto Partwise's model (see the corpus README):
 * - `feed.title`, `entries.N.title`, `feed.subtitle`, `entries.N.summary` are plain text in
 *   Partwise: an expectation of type html/xhtml is compared by its text (tags stripped, references
 *   decoded, whitespace collapsed; summaries cut to 500 characters like ours).
 * - `entries.N.content` is `contentHtml`, HTML as published: compared as HTML. Where feedparser
 *   re-serializes HTML (`html-serialization`), the published form (`raw`) is accepted too.
 * - `feed.link` is `siteUrl`, `entries.N.link` is `url`, authors are names.
 * - A case's `documentUrl` is the feed URL; a `Content-Location` header, resolved against it, is the
 *   base the fetch layer would pass instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, normalizeEncoding } from '../lib/feeds/decode-bytes';
import { parseDate } from '../lib/feeds/parse-date';
import { parseFeed, type ParsedFeed } from '../lib/feeds/parse';
import { collapseWhitespace, htmlToText, truncateOnWord } from '../lib/feeds/text';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = resolve(root, '..', 'shared', 'corpus', 'feedparser-open');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const tierArg = process.argv.indexOf('--tier');
const onlyTier = tierArg !== -1 ? process.argv[tierArg + 1] : undefined;

interface Expectation {
  path: string;
  equals: unknown;
  tier: string;
  transform?: string;
  contentType?: string;
  raw?: string;
}

interface Case {
  file: string;
  description: string;
  xml?: string;
  xmlBase64?: string;
  documentUrl?: string;
  httpHeaders?: Record<string, string>;
  expect: Expectation[];
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function baseUrl(c: Case): string | undefined {
  const location = header(c.httpHeaders, 'content-location');
  if (location === undefined) return c.documentUrl;
  try {
    return new URL(location, c.documentUrl).href;
  } catch {
    return c.documentUrl;
  }
}

function text(value: string, contentType: string | undefined): string {
  return contentType === 'html' || contentType === 'xhtml' ? htmlToText(value) : collapseWhitespace(value);
}

// A light canonical form of HTML for comparing serializations: void tags unclosed, quotes unified.
function canonicalHtml(html: string): string {
  return collapseWhitespace(
    html
      .replace(/<(\w+)((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g, (_m, tag: string, attrs: string) => {
        const list = [...attrs.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
          .map((a) => `${(a[1] as string).toLowerCase()}="${a[2] ?? a[3] ?? a[4] ?? ''}"`)
          .sort();
        return `<${tag.toLowerCase()}${list.length ? ' ' + list.join(' ') : ''}>`;
      })
      .replace(/<\/(hr|br|img|input|meta|link)>/gi, ''),
  );
}

interface Outcome {
  pass: boolean;
  actual: unknown;
  expected: unknown;
}

function check(feed: ParsedFeed | undefined, e: Expectation): Outcome {
  const expected = e.equals;
  if (feed === undefined) return { pass: false, actual: '(parse failed)', expected };
  const parts = e.path.split('.');
  const isEntry = parts[0] === 'entries';
  if (isEntry && parts[1] === 'length') return { pass: feed.items.length === expected, actual: feed.items.length, expected };
  const item = isEntry ? feed.items[Number(parts[1])] : undefined;
  const field = isEntry ? parts[2] : parts[1];
  if (isEntry && item === undefined) return { pass: false, actual: `(no entry ${parts[1]})`, expected };
  const exp = String(expected);
  const same = (actual: string | undefined, want: string): Outcome => ({ pass: actual === want, actual, expected: want });

  switch (field) {
    case 'title':
      return same(isEntry ? item?.title : feed.title, text(exp, e.contentType));
    case 'subtitle':
      return same(feed.description ?? '', text(exp, e.contentType));
    case 'summary': {
      const want = text(exp, e.contentType);
      return same(item?.summary ?? '', want.length > 500 ? truncateOnWord(want) : want);
    }
    case 'content': {
      const actual = item?.contentHtml ?? '';
      if (e.contentType === 'html' || e.contentType === 'xhtml') {
        const ok =
          actual.trim() === exp.trim() ||
          (e.transform === 'html-serialization' && (canonicalHtml(actual) === canonicalHtml(exp) || (e.raw !== undefined && actual.trim() === e.raw.trim())));
        return { pass: ok, actual, expected: exp };
      }
      return same(htmlToText(actual), collapseWhitespace(exp));
    }
    case 'link':
      return same(isEntry ? item?.url : feed.siteUrl, exp);
    case 'id':
      return same(item?.id, exp);
    case 'published':
      return same(isEntry ? item?.published : feed.published, exp);
    case 'updated':
      return same(isEntry ? item?.updated : feed.updated, exp);
    case 'authors':
      return same(item?.authors[Number(parts[3])], exp);
    case 'categories':
      return same(item?.categories[Number(parts[3])], exp);
    case 'enclosures':
      return same(item?.enclosures?.[Number(parts[3])]?.url, exp);
    default:
      return { pass: false, actual: `(unmapped path ${e.path})`, expected };
  }
}

function rate(pass: number, total: number): string {
  return total === 0 ? '   n/a' : `${((100 * pass) / total).toFixed(1).padStart(5)}%`;
}

function main(): void {
  if (!existsSync(resolve(corpusDir, 'cases.json'))) {
    console.log(`eval:feeds: ${corpusDir} is absent (the shared corpus sits beside the repository); nothing to evaluate.`);
    return;
  }
  const cases = JSON.parse(readFileSync(resolve(corpusDir, 'cases.json'), 'utf8')) as Case[];
  const tiers = new Map<string, { pass: number; total: number }>();
  const failures: string[] = [];
  let crashed = 0;

  for (const c of cases) {
    let feed: ParsedFeed | undefined;
    let error: string | undefined;
    try {
      const body = c.xmlBase64 !== undefined ? Uint8Array.from(Buffer.from(c.xmlBase64, 'base64')) : (c.xml ?? '');
      feed = parseFeed(body, { url: baseUrl(c), contentType: header(c.httpHeaders, 'content-type'), details: true });
    } catch (err) {
      const e = err as Error & { code?: string };
      if (e.name !== 'FeedError') crashed++;
      error = `${e.name}${e.code ? `(${e.code})` : ''}: ${e.message}`;
    }
    for (const e of c.expect) {
      if (onlyTier && e.tier !== onlyTier) continue;
      const t = tiers.get(e.tier) ?? { pass: 0, total: 0 };
      tiers.set(e.tier, t);
      t.total++;
      const outcome = check(feed, e);
      if (outcome.pass) t.pass++;
      else if (e.tier === 'core' || e.tier === 'resolve' || onlyTier) {
        failures.push(
          `  [${e.tier}] ${c.file} ${e.path}${e.transform && e.transform !== 'none' ? ` (${e.transform})` : ''}\n` +
            `      expected ${JSON.stringify(outcome.expected)}\n      actual   ${JSON.stringify(outcome.actual)}${error ? `\n      error    ${error}` : ''}`,
        );
      }
    }
  }

  // Dates
  const dates = JSON.parse(readFileSync(resolve(corpusDir, 'dates.json'), 'utf8')) as { input: string; expectedUtc: string | null; tier: string; family: string }[];
  const dateTiers = new Map<string, { pass: number; total: number }>();
  const dateFailures: string[] = [];
  for (const d of dates) {
    const t = dateTiers.get(d.tier) ?? { pass: 0, total: 0 };
    dateTiers.set(d.tier, t);
    t.total++;
    const got = parseDate(d.input) ?? null;
    if (got === d.expectedUtc) t.pass++;
    else if (d.tier === 'core') dateFailures.push(`  [date ${d.tier}] ${JSON.stringify(d.input)}: expected ${d.expectedUtc}, got ${got}`);
  }

  // Encodings: the encoding detected (WHATWG names; aliases such as us-ascii = windows-1252 agree).
  const encodings = JSON.parse(readFileSync(resolve(corpusDir, 'encoding-detect.json'), 'utf8')) as {
    file: string;
    fpEncoding: string;
    xml?: string;
    xmlBase64?: string;
    httpHeaders?: Record<string, string>;
  }[];
  let encPass = 0;
  const encFailures: string[] = [];
  const family = (name: string | undefined): string | undefined => (name === 'gb18030' ? 'gbk' : name);
  for (const x of encodings) {
    const bytes = x.xmlBase64 !== undefined ? Uint8Array.from(Buffer.from(x.xmlBase64, 'base64')) : new TextEncoder().encode(x.xml ?? '');
    const got = decodeBytes(bytes, header(x.httpHeaders, 'content-type'));
    const want = normalizeEncoding(x.fpEncoding) ?? x.fpEncoding;
    // Same encoding, or a different label that yields the same text (ASCII documents under
    // RFC 3023's us-ascii default for text/*, which RFC 7303 retired in favour of UTF-8).
    let sameText = false;
    try {
      sameText = new TextDecoder(want).decode(bytes) === got.text;
    } catch {
      sameText = false;
    }
    if (family(got.encoding) === family(want) || sameText) encPass++;
    else encFailures.push(`  [encoding] ${x.file}: expected ${want}, got ${got.encoding} (from ${got.source})`);
  }

  console.log(`feedparser-open: ${cases.length} cases${crashed ? `, ${crashed} threw something other than FeedError` : ''}`);
  const order = ['core', 'resolve', 'optional', 'recovery', 'fp-specific'];
  for (const tier of [...order, ...[...tiers.keys()].filter((k) => !order.includes(k))]) {
    const t = tiers.get(tier);
    if (!t) continue;
    const note = tier === 'fp-specific' ? '  (feedparser behaviour, not a goal)' : tier === 'optional' ? '  (defensible extra)' : '';
    console.log(`  ${tier.padEnd(12)} ${rate(t.pass, t.total)}  ${String(t.pass).padStart(4)}/${t.total}${note}`);
  }
  const core = tiers.get('core') ?? { pass: 0, total: 0 };
  const res = tiers.get('resolve') ?? { pass: 0, total: 0 };
  console.log(`  core+resolve ${rate(core.pass + res.pass, core.total + res.total)}  ${core.pass + res.pass}/${core.total + res.total}   (goal: 98%)`);
  for (const tier of ['core', 'optional', 'fp-specific']) {
    const t = dateTiers.get(tier);
    if (t) console.log(`  dates/${tier.padEnd(12)} ${rate(t.pass, t.total)}  ${t.pass}/${t.total}`);
  }
  console.log(`  encodings    ${rate(encPass, encodings.length)}  ${encPass}/${encodings.length}`);

  if (verbose) {
    const all = [...failures, ...dateFailures, ...encFailures];
    console.log(all.length ? `\nFailures:\n${all.join('\n')}` : '\nNo failures.');
  } else if (failures.length + dateFailures.length + encFailures.length > 0) {
    console.log(`\n${failures.length + dateFailures.length + encFailures.length} failures in core/resolve, dates and encodings; --verbose lists them.`);
  }
}

main();
