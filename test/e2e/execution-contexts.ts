import type { Page } from 'playwright-core';
import type { ExtensionHarness } from './harness';

interface ContextCreated {
  context: { origin: string; name: string; auxData?: { type?: string } };
}

/** Navigates `page` to `url` and returns the origins of the extension worlds (content scripts) created in it. */
export async function extensionContextsIn(harness: ExtensionHarness, page: Page, url: string, settleMs = 500): Promise<string[]> {
  const session = await harness.cdp(page);
  const origins: string[] = [];
  session.on('Runtime.executionContextCreated', (event: ContextCreated) => {
    if (event.context.origin.startsWith('chrome-extension://')) origins.push(event.context.origin);
  });
  await session.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Content scripts at document_idle start shortly after load.
  await page.waitForTimeout(settleMs);
  await session.detach();
  return origins;
}
