import { openDatabase, type PartwiseDatabase } from './schema';

let handle: PartwiseDatabase | undefined;

/** The extension's database handle, opened on first use (never at import time). */
export function database(): PartwiseDatabase {
  handle ??= openDatabase();
  return handle;
}
