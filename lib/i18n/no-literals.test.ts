import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every user-facing string goes through t() (see t.ts). A heuristic on the source of the views: JSX
 * text with a word in it, and visible attributes with a literal value, fail here so a new literal is
 * caught in CI. Text that is not words for a reader (symbols, URLs) goes in ALLOWED.
 */
const ROOTS = ['components', 'entrypoints'];
// The name of the extension is the same in every language.
const ALLOWED = new Set<string>(['https://…', 'Partwise']);
// After a tag's `>` (not an arrow's `=>`, as in `() => Promise<T>`), up to the next tag or expression.
const JSX_TEXT = /(?<!=)>([^<>{}()=;`'"|&]*[A-Za-z]{3,}[^<>{}()=;`'"|&]*)</g;
const ATTRIBUTE = /\b(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{3,}[^"]*)"/g;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
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

  it('are all read through t() in components/ and entrypoints/', () => {
    const literals = ROOTS.flatMap(tsxFiles).flatMap((file) => literalsOf(readFileSync(file, 'utf8')).map((text) => `${file}: ${text}`));
    expect(literals).toEqual([]);
  });
});
