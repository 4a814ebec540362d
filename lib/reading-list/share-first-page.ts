import type { FirstPage } from './types';

declare global {
  interface Window {
    /** The first page the popup's classic script read (and painted), handed on to the popup's module. */
    partwiseFirstPage?: Promise<FirstPage | undefined>;
  }
}

/** Id of the element holding the painted first page, which the app removes when it takes over. */
export const FIRST_PAGE_PREVIEW_ID = 'first-page';

/** A page that may carry the first page from its classic script to its module. */
export type FirstPageHost = Pick<Window, 'partwiseFirstPage'>;

/** Leaves the first page being read on the page, for the popup's module to take. */
export function shareFirstPage(host: FirstPageHost, pending: Promise<FirstPage | undefined>): void {
  host.partwiseFirstPage = pending;
}

/** Takes the first page the page's classic script read, if it ran (once: later reads go to storage again). */
export function takeSharedFirstPage(host: FirstPageHost): Promise<FirstPage | undefined> | undefined {
  const pending = host.partwiseFirstPage;
  delete host.partwiseFirstPage;
  return pending;
}
