import { render } from 'preact';
import { PopupPreview } from '@/components/popup/PopupPreview';
import { readFirstPage } from '@/lib/reading-list/read-first-page';
import { FIRST_PAGE_PREVIEW_ID } from '@/lib/reading-list/share-first-page';
import type { FirstPage } from '@/lib/reading-list/types';
import { setTheme } from '@/lib/ui/set-theme';

/** The popup's root, once the parser has reached it (the storage read usually answers after that). */
async function appRoot(doc: Document): Promise<HTMLElement | null> {
  const parsed = doc.getElementById('app');
  if (parsed || doc.readyState !== 'loading') return parsed;
  // Not DOMContentLoaded: that waits for the app's module scripts to load and run, which is the wait
  // this preview exists to skip. The document turns "interactive" as soon as the parser is done.
  await new Promise((resolve) => doc.addEventListener('readystatechange', resolve, { once: true }));
  return doc.getElementById('app');
}

/**
 * Reads the first page the background keeps ready and paints it beside the popup's root, before any
 * of the app's modules have loaded. Resolves to that page (or undefined) for the app to start from.
 */
export async function paintFirstPage(doc: Document): Promise<FirstPage | undefined> {
  const page = await readFirstPage();
  if (!page || page.groups.length === 0) return page;
  const root = await appRoot(doc);
  try {
    if (root) {
      setTheme(page.theme);
      // A container of its own, beside the app's root: this copy of Preact marks the containers it
      // renders into, and the app's copy must start from a root it has never seen.
      const preview = doc.createElement('div');
      preview.id = FIRST_PAGE_PREVIEW_ID;
      root.before(preview);
      render(<PopupPreview page={page} />, preview);
    }
  } catch (error) {
    // The app paints the same data a moment later; a failed preview only costs that moment.
    console.error('Partwise: the first page could not be painted', error);
  }
  return page;
}
