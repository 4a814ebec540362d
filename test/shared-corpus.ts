import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of `../shared` beside the repository (may not exist on a plain clone). */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** True when `../shared` is present; tests that read it are skipped otherwise. */
export const hasShared = existsSync(resolve(sharedDir, 'seeds'));

/** Path inside `../shared`. */
export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}
