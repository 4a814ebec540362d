import { database, getSettings } from '../db';

/** Applies the theme setting to the page ('system' follows the browser's light or dark preference). */
export function applyTheme(): void {
  getSettings(database())
    .then((settings) => {
      if (settings.theme === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = settings.theme;
    })
    .catch((error: unknown) => console.error('Partwise: could not read the theme setting', error));
}
