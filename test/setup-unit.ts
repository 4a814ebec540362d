import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty fake browser so state never leaks between tests.
beforeEach(() => {
  fakeBrowser.reset();
});

// @webext-core/messaging talks to the `chrome` global; point it at the same fake.
Object.assign(globalThis, { chrome: fakeBrowser });
