import { browser } from 'wxt/browser';

/** Where the lease of the running refresh is kept (session storage: it never outlives the browser). */
export const REFRESH_LEASE_KEY = 'partwise:refresh-lease';
/** A lease lasts this long unless renewed; a run renews it as its feeds finish. */
export const LEASE_MS = 2 * 60_000;

/** Who runs the refresh, and until when the claim holds without renewal. */
export interface RefreshLease {
  /** The id of the service worker instance running the refresh. */
  owner: string;
  expiresAt: number;
}

/**
 * Whether a stored lease stops `owner` from starting a run. Only one background instance runs at a
 * time, so a lease of another owner was left by a worker that was stopped mid-run: it holds nothing.
 * The expiry frees the lease from a run of this worker that hangs.
 */
export function leaseBlocks(lease: RefreshLease | undefined, owner: string, now: number): boolean {
  return lease !== undefined && lease.owner === owner && lease.expiresAt > now;
}

/** The stored lease, if any (a malformed value counts as none). */
export async function readLease(): Promise<RefreshLease | undefined> {
  const stored = (await browser.storage.session.get(REFRESH_LEASE_KEY))[REFRESH_LEASE_KEY] as Partial<RefreshLease> | undefined;
  if (typeof stored?.owner !== 'string' || typeof stored.expiresAt !== 'number') return undefined;
  return { owner: stored.owner, expiresAt: stored.expiresAt };
}

/** Stores (or renews) a lease. */
export async function writeLease(lease: RefreshLease): Promise<void> {
  await browser.storage.session.set({ [REFRESH_LEASE_KEY]: lease });
}

/** Releases the lease if `owner` still holds it. */
export async function releaseLease(owner: string): Promise<void> {
  if ((await readLease())?.owner === owner) await browser.storage.session.remove(REFRESH_LEASE_KEY);
}
