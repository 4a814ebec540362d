import { database, getSettings } from '../db';
import { setTheme } from './set-theme';

/** Applies the theme setting to the page ('system' follows the browser's light or dark preference). */
export function applyTheme(): void {
  getSettings(database())
    .then((settings) => setTheme(settings.theme))
    .catch((error: unknown) => console.error('Partwise: could not read the theme setting', error));
}
