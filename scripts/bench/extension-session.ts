import { execFileSync } from 'node:child_process';
import type { CDPSession, Page } from 'playwright-core';
import { repoRoot } from '../../test/shared-corpus';

/** Builds the E2E flavour (loopback host access) that the browser benchmarks load. */
export function buildE2eExtension(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: repoRoot, stdio: 'ignore' });
}

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

/** The service worker's used JS heap in bytes, after a garbage collection, read through the DevTools protocol. */
export async function serviceWorkerHeapBytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.endsWith('/background.js'));
  if (!worker) throw new Error('The service worker is not running');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
  const { usedSize } = await sendToTarget<{ usedSize: number }>(session, sessionId, 'Runtime.getHeapUsage');
  await session.send('Target.detachFromTarget', { sessionId });
  await session.detach();
  return usedSize;
}

/** Runs `work` while the DevTools CPU profiler samples the service worker; returns the hottest functions by self time. */
export async function profileServiceWorker(page: Page, work: () => Promise<void>): Promise<{ name: string; selfMs: number }[]> {
  const session = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.endsWith('/background.js'));
  if (!worker) throw new Error('The service worker is not running');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  await sendToTarget(session, sessionId, 'Profiler.enable');
  await sendToTarget(session, sessionId, 'Profiler.start');
  await work();
  const { profile } = await sendToTarget<{ profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } }>(session, sessionId, 'Profiler.stop');
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  await session.send('Target.detachFromTarget', { sessionId });
  return [...byName].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, 25);
}
