import { FIRST_PAGE_KEY, sessionStore } from './first-page-key';

declare global {
  interface Window {
    /** The popup's early read of its stored first page, carried from its classic script to its module. */
    partwiseFirstPage?: Promise<Record<string, unknown>>;
  }
}

/** A page that may hold an early request for the stored first page. */
export type FirstPageHost = Pick<Window, 'partwiseFirstPage'>;

/** Starts reading the stored first page and leaves the pending read on the page for the popup's module to take. */
export function requestFirstPage(host: FirstPageHost): void {
  host.partwiseFirstPage = sessionStore().get(FIRST_PAGE_KEY);
}

/** Takes the early request the page made, if any (once: later reads go to storage again). */
export function takeFirstPageRequest(host: FirstPageHost): Promise<Record<string, unknown>> | undefined {
  const pending = host.partwiseFirstPage;
  delete host.partwiseFirstPage;
  return pending;
}
