import type { ProtocolMap } from '../messaging/protocol';

/** Where a message came from, as far as the background trusts it. */
export type SenderKind = 'extension-page' | 'tab' | 'unknown';

/** The fields of `runtime.MessageSender` the check reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Messages a web page's tab (the content script) may send: the visit report, and the liveness check.
 * Everything else changes or reveals the library and is accepted only from the extension's own pages.
 */
export const TAB_MESSAGES: ReadonlySet<keyof ProtocolMap> = new Set<keyof ProtocolMap>(['pageVisited', 'ping']);

/** Classifies a sender: one of our pages (popup, options, even opened in a tab), a web page's tab, or neither. */
export function senderKind(sender: MessageSenderLike | undefined, extensionId: string, extensionBase: string): SenderKind {
  if (!sender || sender.id !== extensionId) return 'unknown';
  if (sender.url?.startsWith(extensionBase)) return 'extension-page';
  return sender.tab !== undefined && sender.url !== undefined ? 'tab' : 'unknown';
}

/** Whether a message of this type is accepted from this kind of sender. */
export function senderMayAsk(type: keyof ProtocolMap, kind: SenderKind): boolean {
  if (kind === 'extension-page') return true;
  return kind === 'tab' && TAB_MESSAGES.has(type);
}

/** The error a refused message answers with. */
export class SenderRefusedError extends Error {
  constructor(type: string, kind: SenderKind) {
    super(`Partwise refused “${type}” from ${kind === 'tab' ? 'a web page' : 'an unknown sender'}: only its own pages may ask that.`);
    this.name = 'SenderRefusedError';
  }
}
