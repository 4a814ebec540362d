/*
 * Test helper for migration tests: materializes a database exactly as an older release left it,
 * using raw IndexedDB so that no current-schema code is involved in creating it.
 */
import { storesAtVersion } from './schema';

/** A JSON snapshot of a database at a schema version: rows per table, as that version stored them. */
export interface DatabaseFixture {
  version: number;
  stores: Record<string, unknown[]>;
}

/** Raw IndexedDB shape of one Dexie store spec. */
export interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** Thrown when a fixture does not fit the schema version it claims. */
export class FixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureError';
  }
}

// Dexie stores version N as IndexedDB version N * 10.
const DEXIE_VERSION_FACTOR = 10;

function keyPathOf(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
}

/** Parses a Dexie store spec ("++id, &[a+b], *tags") into the IndexedDB store Dexie creates for it. */
export function parseStoreSpec(spec: string): StoreShape {
  const [primary = '', ...rest] = spec.split(',').map((part) => part.trim());
  const autoIncrement = primary.startsWith('++');
  const primaryPath = primary.replace(/^(\+\+|&)/, '');
  const indexes = rest
    .filter((part) => part !== '')
    .map((part) => {
      const unique = part.startsWith('&');
      const multiEntry = part.startsWith('*');
      const name = part.replace(/^[&*]/, '');
      return { name, keyPath: keyPathOf(name), unique, multiEntry };
    });
  return { keyPath: primaryPath === '' ? null : keyPathOf(primaryPath), autoIncrement, indexes };
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new FixtureError('IndexedDB request failed'));
  });
}

/**
 * Creates database `name` with the object stores of `fixture.version` (from SCHEMA_VERSIONS) and
 * the fixture's rows, then closes it so `openDatabase(name)` performs the real upgrade.
 */
export async function loadFixture(name: string, fixture: DatabaseFixture): Promise<void> {
  const stores = storesAtVersion(fixture.version);
  for (const table of Object.keys(fixture.stores)) {
    if (!(table in stores)) throw new FixtureError(`Table ${table} does not exist at version ${fixture.version}`);
  }
  const request = indexedDB.open(name, fixture.version * DEXIE_VERSION_FACTOR);
  request.onupgradeneeded = () => {
    const db = request.result;
    const tx = request.transaction;
    if (!tx) throw new FixtureError('Upgrade without a transaction');
    for (const [table, spec] of Object.entries(stores)) {
      const shape = parseStoreSpec(spec);
      const store = db.createObjectStore(table, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes) {
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    }
    for (const [table, rows] of Object.entries(fixture.stores)) {
      const store = tx.objectStore(table);
      for (const row of rows) store.add(row);
    }
  };
  const db = await requestResult(request);
  db.close();
}

/** Reads the raw IndexedDB shape of every object store of an existing database (for schema checks). */
export async function readStoreShapes(name: string): Promise<Record<string, StoreShape>> {
  const db = await requestResult(indexedDB.open(name));
  try {
    const shapes: Record<string, StoreShape> = {};
    const names = Array.from(db.objectStoreNames);
    if (names.length === 0) return shapes;
    const tx = db.transaction(names, 'readonly');
    for (const table of names) {
      const store = tx.objectStore(table);
      const indexes = Array.from(store.indexNames).map((indexName) => {
        const index = store.index(indexName);
        return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      });
      indexes.sort((a, b) => a.name.localeCompare(b.name));
      shapes[table] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
    }
    return shapes;
  } finally {
    db.close();
  }
}

/** Deletes a database, resolving once it is gone (used by tests to clean up). */
export async function deleteRawDatabase(name: string): Promise<void> {
  await requestResult(indexedDB.deleteDatabase(name));
}
