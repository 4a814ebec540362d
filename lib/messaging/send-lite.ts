import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * Sends one message of the typed protocol with the same framing as @webext-core/messaging, for
 * the content script, which must stay a few kilobytes and cannot carry the whole library.
 */
export async function sendLite<K extends keyof ProtocolMap>(type: K, data: GetDataType<ProtocolMap[K]>): Promise<GetReturnType<ProtocolMap[K]>> {
  const reply = (await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() })) as
    | { res?: GetReturnType<ProtocolMap[K]>; err?: { message?: string } }
    | undefined;
  if (!reply) throw new Error(`No answer to ${String(type)}`);
  if (reply.err) throw new Error(reply.err.message ?? `${String(type)} failed`);
  return reply.res as GetReturnType<ProtocolMap[K]>;
}
