import type { Theme } from '../db/settings';

/** Sets the page's theme ('system' follows the browser's light or dark preference). */
export function setTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
