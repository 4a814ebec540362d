import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../shared-corpus';

/** Where browser tests leave screenshots for review (not committed). */
export const ARTIFACTS_DIR = resolve(repoRoot, 'test/e2e/artifacts');

/** Absolute path of an artifact file, creating the folder on first use. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return resolve(ARTIFACTS_DIR, name);
}
