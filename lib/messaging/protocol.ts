import { defineExtensionMessaging } from '@webext-core/messaging';

/** What the background answers to a liveness check. */
export interface PingReply {
  version: string;
  /** Where the answer came from, so a caller can tell a real background from a stray listener. */
  context: 'background';
}

/** A page view reported by the content script. */
export interface PageVisit {
  url: string;
  canonical?: string | null;
  ogUrl?: string | null;
  title?: string;
}

/** What the background did with a page view. */
export interface VisitResult {
  /** Ids of the posts this page view matched. */
  matched: number[];
  /** Ids of the posts this page view marked read (empty when already read or marking is off). */
  marked: number[];
}

/**
 * The one typed protocol between popup, options page, content script and background.
 * Each key is a message; its function type gives the payload and the reply.
 */
export interface ProtocolMap {
  ping(): PingReply;
  pageVisited(visit: PageVisit): VisitResult;
}

/** Typed send/listen pair shared by every extension context. */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
