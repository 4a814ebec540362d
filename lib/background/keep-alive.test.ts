import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_INTERVAL_MS, whileKeptAlive } from './keep-alive';

describe('whileKeptAlive', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['a task shorter than one interval', KEEP_ALIVE_INTERVAL_MS - 1, 0],
    ['a task of three intervals', KEEP_ALIVE_INTERVAL_MS * 3, 3],
    ['a task of a minute', 60_000, Math.floor(60_000 / KEEP_ALIVE_INTERVAL_MS)],
  ])('calls the browser once per interval during %s, and never after', async (_name, taskMs, pings) => {
    vi.useFakeTimers();
    const ping = vi.fn(() => Promise.resolve());
    const result = whileKeptAlive(() => new Promise<string>((resolve) => setTimeout(() => resolve('done'), taskMs)), ping);
    await vi.advanceTimersByTimeAsync(taskMs);
    await expect(result).resolves.toBe('done');
    expect(ping).toHaveBeenCalledTimes(pings);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 4);
    expect(ping).toHaveBeenCalledTimes(pings);
  });

  it('stops calling when the task fails, and passes its error on', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(() => Promise.resolve());
    const result = whileKeptAlive(() => new Promise((_, reject) => setTimeout(() => reject(new Error('feed store broke')), KEEP_ALIVE_INTERVAL_MS + 1)), ping);
    const outcome = expect(result).rejects.toThrow('feed store broke');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 5);
    await outcome;
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it('reports a failed call with context and keeps the task running', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = whileKeptAlive(() => new Promise<number>((resolve) => setTimeout(() => resolve(7), KEEP_ALIVE_INTERVAL_MS * 2)), () => Promise.reject(new Error('context invalidated')));
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    await expect(result).resolves.toBe(7);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('keep-alive'), expect.any(Error));
    warn.mockRestore();
  });
});
