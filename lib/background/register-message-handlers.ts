import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';

/** Registers every background message handler; call synchronously from the background's main(). */
export function registerMessageHandlers(): void {
  onMessage('ping', () => ({ version: browser.runtime.getManifest().version, context: 'background' }));
  onMessage('pageVisited', () => ({ matched: [], marked: [] }));
}
