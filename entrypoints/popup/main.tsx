import { render } from 'preact';
import { readFirstPage } from '@/lib/reading-list/read-first-page';
import { FIRST_PAGE_PREVIEW_ID, takeSharedFirstPage } from '@/lib/reading-list/share-first-page';

const root = document.getElementById('app')!;

/**
 * Starts the app from the first page the page's classic script has already read and painted (or
 * reads it, when that script did not run), then lets the app take over the root.
 */
async function start(): Promise<void> {
  const firstPage = await (takeSharedFirstPage(window) ?? readFirstPage());
  const { App } = await import('./App');
  // The preview goes in the same task as the app paints, so nothing flickers.
  document.getElementById(FIRST_PAGE_PREVIEW_ID)?.remove();
  render(<App initial={firstPage} />, root);
}

start().catch((error: unknown) => {
  console.error('Partwise: the popup failed to load', error);
  root.textContent = 'Partwise could not load. Reopen the popup; if this persists, reload the extension.';
});
