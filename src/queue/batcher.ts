import type { Settled } from '../core/types.js';

/**
 * Gathers single requests (one BullMQ job per message) into batches for a handler that is cheaper per item
 * in bulk. A batch goes out when it is full, when `maxWaitMs` has passed since its first item, or as soon as
 * a lane frees up; at most `lanes` batches run at once, and while they run the next one fills. Each caller
 * gets its own item's result, so retries and the failed set stay per job.
 */
export interface BatcherOptions {
  maxSize: number;
  maxWaitMs: number;
  lanes: number;
}


interface Waiter<K, R> {
  key: K;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export interface Batcher<K, R> {
  run(key: K): Promise<R>;
}

export function createBatcher<K, R>(handle: (keys: K[]) => Promise<Map<K, Settled<R>>>, opts: BatcherOptions): Batcher<K, R> {
  let waiting: Waiter<K, R>[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | null = null;

  const dispatch = (force: boolean) => {
    while (running < opts.lanes && waiting.length > 0 && (force || waiting.length >= opts.maxSize)) {
      const batch = waiting.slice(0, opts.maxSize);
      waiting = waiting.slice(opts.maxSize);
      running++;
      void settle(batch).finally(() => {
        running--;
        dispatch(true);
      });
    }
    if (waiting.length > 0 && running < opts.lanes && !timer) {
      timer = setTimeout(() => {
        timer = null;
        dispatch(true);
      }, opts.maxWaitMs);
    }
  };

  const settle = async (batch: Waiter<K, R>[]) => {
    try {
      const results = await handle([...new Set(batch.map((w) => w.key))]);
      for (const w of batch) {
        const r = results.get(w.key);
        if (r?.ok) w.resolve(r.value);
        else w.reject(r ? r.error : new Error(`no result for ${String(w.key)}`));
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  return {
    run: (key) =>
      new Promise<R>((resolve, reject) => {
        waiting.push({ key, resolve, reject });
        dispatch(false);
      }),
  };
}
