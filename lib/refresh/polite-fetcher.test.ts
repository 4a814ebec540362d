import { describe, expect, it } from 'vitest';
import type { FetchResult } from '../feeds/fetch';
import { politeFetcher } from './polite-fetcher';

type NotModified = Extract<FetchResult, { kind: 'not-modified' }>;
const NOT_MODIFIED: NotModified = { kind: 'not-modified', finalUrl: '', redirected: false };

/** A fetcher whose requests stay open until released, recording how many run at once overall and per host. */
function recordingFetcher() {
  let running = 0;
  const perHost = new Map<string, number>();
  const peak = { global: 0, perHost: new Map<string, number>() };
  const waiting: (() => void)[] = [];
  const fetch = async (url: string): Promise<NotModified> => {
    const host = new URL(url).host;
    running += 1;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    peak.global = Math.max(peak.global, running);
    peak.perHost.set(host, Math.max(peak.perHost.get(host) ?? 0, perHost.get(host)!));
    await new Promise<void>((resolve) => waiting.push(resolve));
    running -= 1;
    perHost.set(host, perHost.get(host)! - 1);
    return { ...NOT_MODIFIED, finalUrl: url };
  };
  const releaseAll = async (): Promise<void> => {
    while (waiting.length > 0 || running > 0) {
      waiting.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { fetch, peak, running: () => running, releaseAll };
}

const urls = (hosts: number, perHost: number): string[] =>
  Array.from({ length: hosts * perHost }, (_, i) => `https://host-${i % hosts}.test/feed-${i}.xml`);

describe('politeFetcher', () => {
  it.each([
    { case: 'many hosts fill the global limit', hosts: 10, feeds: 3, global: 6, perHost: 2, expectGlobal: 6 },
    { case: 'one host is held to its own limit', hosts: 1, feeds: 12, global: 6, perHost: 2, expectGlobal: 2 },
    { case: 'two hosts give two slots each', hosts: 2, feeds: 6, global: 6, perHost: 2, expectGlobal: 4 },
    { case: 'a lower global limit wins', hosts: 5, feeds: 2, global: 3, perHost: 2, expectGlobal: 3 },
  ])('$case', async ({ hosts, feeds, global, perHost, expectGlobal }) => {
    const recorder = recordingFetcher();
    const polite = politeFetcher(recorder.fetch, { global, perHost }) as (url: string, validators: object) => Promise<NotModified>;
    const all = urls(hosts, feeds);
    const results = Promise.all(all.map((url) => polite(url, {})));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorder.running()).toBe(expectGlobal);
    await recorder.releaseAll();
    expect((await results).map((result) => result.finalUrl)).toEqual(all);
    expect(recorder.peak.global).toBe(expectGlobal);
    for (const peak of recorder.peak.perHost.values()) expect(peak).toBeLessThanOrEqual(perHost);
  });

  it('frees the slot when a request fails, so the rest still run', async () => {
    let calls = 0;
    const polite = politeFetcher(async (url): Promise<NotModified> => {
      calls += 1;
      if (calls === 1) throw new Error('socket closed');
      return { ...NOT_MODIFIED, finalUrl: url };
    }, { global: 1, perHost: 1 }) as (url: string, validators: object) => Promise<NotModified>;
    const [first, second] = await Promise.allSettled([polite('https://a.test/1', {}), polite('https://a.test/2', {})]);
    expect(first).toMatchObject({ status: 'rejected', reason: new Error('socket closed') });
    expect(second).toMatchObject({ status: 'fulfilled', value: { finalUrl: 'https://a.test/2' } });
  });
});
