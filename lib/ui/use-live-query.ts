import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The state of a live query: its latest value, or the error that stopped it. */
export interface LiveState<T> {
  value: T | undefined;
  error: Error | undefined;
}

/** Runs a Dexie query and re-runs it whenever the tables it read change, in any extension context. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState((prev) => ({ value: prev.value, error: error instanceof Error ? error : new Error(String(error)) })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
