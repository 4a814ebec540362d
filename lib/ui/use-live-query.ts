import Dexie, { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/** The state of a live query: its latest value, or the error that stopped it. */
export interface LiveState<T> {
  value: T | undefined;
  error: Error | undefined;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Runs a Dexie query and re-runs it whenever the library changes, in any extension context.
 * Without `throttleMs` it follows Dexie's liveQuery exactly; with it, a burst of writes (a refresh of
 * hundreds of feeds) re-runs the query at most once per interval, so a page never starves the writer.
 * `initial` stands in until the first answer (a value known from elsewhere, so the page need not wait).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], throttleMs = 0, initial?: T): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: initial, error: undefined });
  // A layout effect starts the query right after the first render, not a frame later.
  useLayoutEffect(() => {
    const next = (value: T) => setState({ value, error: undefined });
    const fail = (error: unknown) => setState((prev) => ({ value: prev.value, error: asError(error) }));
    if (throttleMs <= 0) {
      const subscription = liveQuery(query).subscribe({ next, error: fail });
      return () => subscription.unsubscribe();
    }
    return throttledQuery(query, throttleMs, next, fail);
  }, deps);
  return state;
}

/** Re-runs `query` after library mutations, at most once per `throttleMs`; returns the unsubscribe. */
function throttledQuery<T>(query: () => Promise<T>, throttleMs: number, next: (value: T) => void, fail: (error: unknown) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending = false;
  let disposed = false;
  const run = async () => {
    running = true;
    try {
      const value = await query();
      if (!disposed) next(value);
    } catch (error) {
      if (!disposed) fail(error);
    } finally {
      running = false;
      if (pending) {
        pending = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (disposed || timer !== undefined) return;
    if (running) {
      pending = true;
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, throttleMs);
  };
  Dexie.on.storagemutated.subscribe(schedule);
  void run();
  return () => {
    disposed = true;
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(schedule);
  };
}
