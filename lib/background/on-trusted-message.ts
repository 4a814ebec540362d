import { browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from '../messaging/protocol';
import { senderKind, senderMayAsk, SenderRefusedError, type SenderKind } from './sender-policy';

type Listener<K extends keyof ProtocolMap> = Parameters<typeof onMessage<K>>[1];
type Received<K extends keyof ProtocolMap> = Parameters<Listener<K>>[0];

/** What a handler learns about who asked, beyond the message itself. */
export interface TrustedContext {
  kind: SenderKind;
  /** The sending frame's URL (a tab's page, or one of our pages). */
  senderUrl?: string;
}

/**
 * Registers a background handler that first checks who sent the message (sender-policy.ts): a web
 * page's tab may only report visits, library changes come only from the extension's own pages.
 */
export function onTrustedMessage<K extends keyof ProtocolMap>(
  type: K,
  handler: (message: Received<K>, context: TrustedContext) => ReturnType<Listener<K>>,
): void {
  onMessage(type, ((message: Received<K>) => {
    const kind = senderKind(message.sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!senderMayAsk(type, kind)) throw new SenderRefusedError(type, kind);
    return handler(message, { kind, senderUrl: message.sender.url });
  }) as Listener<K>);
}
