import { render } from 'preact';
import { PopupPreview } from '@/components/popup/PopupPreview';
import { sessionStore } from '@/lib/reading-list/first-page-key';
import { readFirstPage } from '@/lib/reading-list/read-first-page';
import { takeFirstPageRequest } from '@/lib/reading-list/request-first-page';
import { setTheme } from '@/lib/ui/set-theme';

const root = document.getElementById('app')!;

/**
 * Paints the first page the background keeps ready (one storage read), then loads the app, whose
 * database layer would otherwise hold up that paint, and lets it take over with the same data.
 */
async function start(): Promise<void> {
  const firstPage = await readFirstPage(sessionStore(), takeFirstPageRequest(window));
  if (firstPage && firstPage.groups.length > 0) {
    setTheme(firstPage.theme);
    render(<PopupPreview page={firstPage} />, root);
  }
  const { App } = await import('./App');
  render(<App initial={firstPage} />, root);
}

start().catch((error: unknown) => {
  console.error('Partwise: the popup failed to load', error);
  root.textContent = 'Partwise could not load. Reopen the popup; if this persists, reload the extension.';
});
