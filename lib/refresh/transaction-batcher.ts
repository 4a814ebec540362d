import { refreshTables, type PartwiseDatabase } from '../db';

/** Runs a piece of library work inside a read-write transaction over the refresh tables. */
export type TransactionRunner = <T>(work: () => Promise<T>) => Promise<T>;

interface Job {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A runner that gives each piece of work its own transaction. */
export function ownTransaction(db: PartwiseDatabase): TransactionRunner {
  return (work) => db.transaction('rw', refreshTables(db), work);
}

/**
 * A runner that puts the work of feeds finishing at about the same time into one transaction.
 * IndexedDB serializes read-write transactions over the same stores, so per-transaction round trips,
 * not the work, bound a refresh of many feeds; batched, their requests are pipelined. Each feed's
 * work stays all-or-nothing: if a batch fails, every job is retried in a transaction of its own.
 */
export function batchedTransactions(db: PartwiseDatabase): TransactionRunner {
  let pending: Job[] = [];
  let running = false;
  const single = ownTransaction(db);

  const flush = async (): Promise<void> => {
    running = true;
    while (pending.length > 0) {
      const jobs = pending;
      pending = [];
      const results: unknown[] = [];
      try {
        await db.transaction('rw', refreshTables(db), () => Promise.all(jobs.map(async (job, i) => (results[i] = await job.work()))));
        jobs.forEach((job, i) => job.resolve(results[i]));
      } catch (error) {
        if (jobs.length === 1) jobs[0]!.reject(error);
        else await Promise.all(jobs.map((job) => single(job.work).then(job.resolve, job.reject)));
      }
    }
    running = false;
  };

  return <T>(work: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Work arriving while a batch commits waits for the next one, so batches grow under load.
      if (!running) setTimeout(() => void flush(), 0);
      running = true;
    });
}
