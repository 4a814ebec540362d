import { render } from 'preact';
import { PopupPreview } from '@/components/popup/PopupPreview';
import { readFirstPage } from '@/lib/reading-list/read-first-page';
import { setTheme } from '@/lib/ui/set-theme';

const root = document.getElementById('app')!;
// The first page comes from one storage read while the app's code (the database layer above all)
// loads in parallel; the app then takes over with the same data, so nothing jumps.
const firstPage = readFirstPage();
let appMounted = false;

void firstPage.then((page) => {
  if (!page || appMounted || page.groups.length === 0) return;
  setTheme(page.theme);
  render(<PopupPreview page={page} />, root);
});

void import('./App')
  .then(async ({ App }) => {
    const initial = await firstPage;
    appMounted = true;
    render(<App initial={initial} />, root);
  })
  .catch((error: unknown) => {
    console.error('Partwise: the popup failed to load', error);
    root.textContent = 'Partwise could not load. Reopen the popup; if this persists, reload the extension.';
  });
