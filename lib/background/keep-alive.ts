import { browser } from 'wxt/browser';

/** How often a long task calls the browser: well inside the 30 s after which an idle background is stopped. */
export const KEEP_ALIVE_INTERVAL_MS = 5_000;

/** An extension API call that counts as activity (the cheapest one that does, in Firefox and Chrome 110+). */
function defaultPing(): Promise<unknown> {
  return browser.runtime.getPlatformInfo();
}

/**
 * Runs `task` while keeping the background from being stopped as idle. Firefox stops its MV3 event
 * page 30 s after the last event even with fetches in flight, cutting a long refresh short; an
 * extension API call resets that timer (Chrome's too). The interval lives only as long as the task,
 * so no schedule depends on it: what a stopped background leaves undone stays due for the next alarm.
 */
export async function whileKeptAlive<T>(task: () => Promise<T>, ping: () => Promise<unknown> = defaultPing): Promise<T> {
  const timer = setInterval(() => {
    ping().catch((error: unknown) => console.warn('Partwise: a keep-alive call failed; a long refresh may be cut short', error));
  }, KEEP_ALIVE_INTERVAL_MS);
  try {
    return await task();
  } finally {
    clearInterval(timer);
  }
}
