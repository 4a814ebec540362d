/**
 * Every user-facing string goes through `t()`: the text comes from `public/_locales/<lang>/messages.json`
 * through the browser's i18n API, so Partwise can be translated by adding a folder there.
 *
 * How to add a string:
 *   1. Add `"myKey": { "message": "Saved $1 posts", "description": "for translators" }` to
 *      public/_locales/en/messages.json ($1…$9 are the substitutions, in order; write $$ for a $).
 *   2. Call `t('myKey', count)`: the key is typed from the English file, so a typo fails the typecheck.
 *   3. For a count, add `myKey_one` and `myKey_other` and call `tCount('myKey', n)` ($1 is the number).
 *
 * It reads the `browser`/`chrome` global, never the polyfill, so the popup's first paint can use it.
 */
import type en from '../../public/_locales/en/messages.json';

/** A key of the English messages file. */
export type MessageKey = keyof typeof en;

/** Keys with a singular and a plural form (`key_one`, `key_other`). */
export type CountKey = { [K in MessageKey]: K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never }[MessageKey];

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

function i18nApi(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

/** The message `key` in the browser's language, with `$1`… replaced by `substitutions`; the key itself if it is missing. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = i18nApi()?.getMessage(key, substitutions.map(String));
  return text || key;
}

/** The singular or plural message for `count` ("1 feed", "2 feeds"): `$1` is the count. */
export function tCount(key: CountKey, count: number, ...substitutions: (string | number)[]): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}` as MessageKey, count.toLocaleString(), ...substitutions);
}

/** Fills `$1`…`$9` (and `$$`) the way browsers do, for the test shim and scripts outside an extension. */
export function fillMessage(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_match, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
