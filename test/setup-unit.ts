import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { fillMessage } from '../lib/i18n/t';

// The browser's i18n API answers from the English messages, as Chrome does for an English user.
function installEnglishMessages(): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, substitutions?: string | string[]) => {
      const message = (en as Record<string, { message: string } | undefined>)[key]?.message ?? '';
      return fillMessage(message, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
    },
  });
}

// Also at load: test tables (it.each) are built before any beforeEach runs.
installEnglishMessages();

// Every test starts from an empty fake browser so state never leaks between tests.
beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

// @webext-core/messaging talks to the `chrome` global; point it at the same fake.
Object.assign(globalThis, { chrome: fakeBrowser });
