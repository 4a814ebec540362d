import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The E2E build may reach the loopback fixture server without a permission prompt,
// because headless Chromium cannot click one.
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

const GECKO_SETTINGS = {
  gecko: {
    id: 'partwise@partwise.app',
    strict_min_version: '140.0',
    // Partwise keeps everything in the browser: it collects and transmits nothing.
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep lib/ usable from plain Node scripts (benchmarks, evaluation).
  imports: false,
  // Firefox too gets Manifest V3 (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // Rolldown's note that plugins took a large share of the build only appears on a busy machine and is
    // for the build tools' authors, not for someone building Partwise.
    build: { rolldownOptions: { checks: { bundlerTimings: false } } },
  }),
  manifest: ({ browser, mode }) => ({
    // Every user-facing string lives in public/_locales/<lang>/messages.json (see lib/i18n/t.ts).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOSTS } : {}),
    // Firefox lets an extension ask for its button on the toolbar (Chromium leaves pinning to the user).
    action: { default_title: '__MSG_extName__', ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    // The toolbar button from the keyboard: Alt+Shift+P opens the popup (the reader can change it).
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpen__' } },
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : {}),
  }),
});
