import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Settled } from '../../src/core/types.js';
import { createBatcher } from '../../src/queue/batcher.js';

/** A handler that records its batches and answers each key with its double, failing odd keys above 100. */
function doubling(delayMs = 5) {
  const batches: number[][] = [];
  let running = 0;
  let maxRunning = 0;
  const handle = async (keys: number[]) => {
    batches.push(keys);
    maxRunning = Math.max(maxRunning, ++running);
    await sleep(delayMs);
    running--;
    return new Map<number, Settled<number>>(keys.map((k) => [k, k > 100 && k % 2 === 1 ? { ok: false, error: new Error(`bad ${k}`) } : { ok: true, value: k * 2 }]));
  };
  return { handle, batches, maxRunning: () => maxRunning };
}

describe('createBatcher', () => {
  it('fills batches up to maxSize, runs at most `lanes` at once, and answers every caller with its own result', async () => {
    const h = doubling();
    const batcher = createBatcher(h.handle, { maxSize: 10, maxWaitMs: 50, lanes: 2 });
    const keys = Array.from({ length: 45 }, (_, i) => i);
    expect(await Promise.all(keys.map((k) => batcher.run(k)))).toEqual(keys.map((k) => k * 2));
    expect(h.batches.every((b) => b.length <= 10)).toBe(true);
    expect(h.batches.flat().sort((a, b) => a - b)).toEqual(keys);
    expect(h.maxRunning()).toBe(2);
  });

  it('sends a partial batch after maxWaitMs, and fails only the callers whose keys failed', async () => {
    const h = doubling();
    const batcher = createBatcher(h.handle, { maxSize: 100, maxWaitMs: 10, lanes: 1 });
    const results = await Promise.allSettled([batcher.run(101), batcher.run(102), batcher.run(102)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['bad 101', 204, 204]);
    expect(h.batches).toEqual([[101, 102]]);
  });

  it('rejects the whole batch when the handler throws', async () => {
    const batcher = createBatcher<number, number>(async () => Promise.reject(new Error('database down')), { maxSize: 5, maxWaitMs: 1, lanes: 1 });
    await expect(batcher.run(1)).rejects.toThrow('database down');
  });
});
