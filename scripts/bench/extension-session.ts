import type { CDPSession, Page } from 'playwright-core';

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Sends one DevTools command to another target (the service worker) through a page's session. */
async function sendToTarget<T>(session: CDPSession, sessionId: string, method: string, params: object = {}): Promise<T> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise<T>((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: T; error?: { message: string } };
      if (reply.id !== id) return;
      session.off('Target.receivedMessageFromTarget', onMessage);
      if (reply.error) reject(new Error(reply.error.message));
      else resolve(reply.result as T);
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
}

/** Attaches a DevTools session to the extension's service worker through a page of the same browser. */
async function attachToServiceWorker(page: Page): Promise<{ session: CDPSession; sessionId: string }> {
  const session = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.endsWith('/background.js'));
  if (!worker) throw new Error('The service worker is not running');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  return { session, sessionId };
}

/** The service worker's used JS heap in bytes, after a garbage collection, read through the DevTools protocol. */
export async function serviceWorkerHeapBytes(page: Page): Promise<number> {
  const { session, sessionId } = await attachToServiceWorker(page);
  await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
  const { usedSize } = await sendToTarget<{ usedSize: number }>(session, sessionId, 'Runtime.getHeapUsage');
  await session.send('Target.detachFromTarget', { sessionId });
  await session.detach();
  return usedSize;
}

/**
 * Samples the service worker's used JS heap every `everyMs` until stopped, each sample after a garbage
 * collection, and answers the largest: the most live memory a refresh holds at once.
 */
export async function sampleServiceWorkerHeap(page: Page, everyMs = 250): Promise<{ stop(): Promise<number> }> {
  const { session, sessionId } = await attachToServiceWorker(page);
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
      const { usedSize } = await sendToTarget<{ usedSize: number }>(session, sessionId, 'Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await session.send('Target.detachFromTarget', { sessionId });
      await session.detach();
      return peak;
    },
  };
}
