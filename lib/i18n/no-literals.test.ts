import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';

/*
 * Every user-facing string goes through t() (see t.ts). A heuristic on the source of the views: JSX
 * text with a word in it, and visible attributes with a literal value, fail here so a new literal is
 * caught in CI. Text that is not words for a reader (symbols, URLs) goes in ALLOWED. The other way
 * round, a message no source names is dead text for translators and fails too (the typecheck already
 * refuses a t() key missing from the English file).
 */
const ROOTS = ['components', 'entrypoints'];
// The name of the extension is the same in every language.
const ALLOWED = new Set<string>(['https://…', 'Partwise']);
// After a tag's `>` (not an arrow's `=>`, as in `() => Promise<T>`), up to the next tag or expression.
const JSX_TEXT = /(?<!=)>([^<>{}()=;`'"|&]*[A-Za-z]{3,}[^<>{}()=;`'"|&]*)</g;
const ATTRIBUTE = /\b(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{3,}[^"]*)"/g;

/** The source files under `dir` whose names end with one of `extensions`, tests left out. */
function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function tsxFiles(dir: string): string[] {
  return sourceFiles(dir, ['.tsx']);
}

/** The message keys no source names: a key is named quoted (`t('key')`, `tCount('base')`) or as `__MSG_key__`. */
export function unusedKeys(keys: readonly string[], source: string): string[] {
  return keys.filter((key) => {
    const name = key.replace(/_(one|other)$/, '');
    return ![`'${name}'`, `"${name}"`, `__MSG_${key}__`].some((use) => source.includes(use));
  });
}

/** The literal user-facing strings of one view's source. */
export function literalsOf(source: string): string[] {
  const found: string[] = [];
  for (const pattern of [JSX_TEXT, ATTRIBUTE]) {
    for (const match of source.matchAll(pattern)) {
      const text = match[1]!.trim();
      if (text && !ALLOWED.has(text)) found.push(text);
    }
  }
  return found;
}

describe('user-facing strings', () => {
  it.each<[string, string[]]>([
    ['<p>Sync is off</p>', ['Sync is off']],
    ['<button>\n  Follow this page\n</button>', ['Follow this page']],
    ['<div aria-label="Series on this page">', ['Series on this page']],
    ['<p>{t(\'syncOff\')}</p>', []],
    ['<input placeholder="https://…" />', []],
    ['onAdd: (url: string) => Promise<string>;', []],
  ])('the check finds the literals in %j', (source, expected) => {
    expect(literalsOf(source)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ["t('syncOff')", 'syncOff', []],
    ["tCount('importing', n)", 'importing_one', []],
    ["name: '__MSG_extName__'", 'extName', []],
    ["t('syncOn')", 'syncOff', ['syncOff']],
  ])('the check finds %j uses %s', (source, key, expected) => {
    expect(unusedKeys([key], source)).toEqual(expected);
  });

  it('name every message of the English file somewhere in the source (no dead keys)', () => {
    const source = [...ROOTS, 'lib'].flatMap((dir) => sourceFiles(dir, ['.ts', '.tsx'])).concat('wxt.config.ts').map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(unusedKeys(Object.keys(en), source)).toEqual([]);
  });

  it('are all read through t() in components/ and entrypoints/', () => {
    const literals = ROOTS.flatMap(tsxFiles).flatMap((file) => literalsOf(readFileSync(file, 'utf8')).map((text) => `${file}: ${text}`));
    expect(literals).toEqual([]);
  });
});
