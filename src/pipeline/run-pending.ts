import { setTimeout as sleep } from 'node:timers/promises';
import { pendingMessageIds, quarantineMessage } from '../store/quarantine.js';
import { classifyFailure } from './failure.js';
import { processBatch, processMessage, type BatchResult, type ProcessDeps } from './process.js';

/**
 * Processes every pending message in this process, without Redis: `run --once`, `import` without REDIS_URL
 * and the demo. Messages go through `processBatch` `batchSize` at a time, `concurrency` batches in flight
 * (one batch's analysis overlaps another's writes). Same failure policy as the BullMQ worker: permanent →
 * quarantine at once; transient → that message alone is retried with exponential backoff and quarantined
 * after the last attempt.
 */
export interface RunPendingOptions {
  concurrency: number;
  batchSize?: number;
  attempts?: number;
  backoffMs?: number;
  /** only these messages (an import's new rows); all pending ones when omitted */
  ids?: number[];
}

export interface RunPendingResult {
  processed: number;
  skipped: number;
  quarantined: number;
}

export const DEFAULT_BATCH_SIZE = 100;

export async function runPending(deps: ProcessDeps, opts: RunPendingOptions): Promise<RunPendingResult> {
  const result: RunPendingResult = { processed: 0, skipped: 0, quarantined: 0 };
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const page = batchSize * opts.concurrency;
  const batch = async (ids: number[]) => {
    for (const [id, outcome] of await processBatch(deps, ids)) result[await settle(deps, id, outcome, opts)]++;
  };
  const run = (ids: number[]) => pool(chunks(ids, batchSize), opts.concurrency, batch);
  if (opts.ids) {
    for (let i = 0; i < opts.ids.length; i += page) await run(opts.ids.slice(i, i + page));
    return result;
  }
  // Page by id so a message quarantined in this run is not picked up again.
  let afterId = 0;
  for (;;) {
    const ids = await pendingMessageIds(deps.db, { afterId, limit: page });
    if (ids.length === 0) return result;
    await run(ids);
    afterId = ids[ids.length - 1]!;
  }
}

/** The first attempt was the batch; a transient failure is retried alone, from the second attempt on. */
async function settle(deps: ProcessDeps, id: number, first: BatchResult, opts: RunPendingOptions): Promise<keyof RunPendingResult> {
  const attempts = opts.attempts ?? 5;
  const backoffMs = opts.backoffMs ?? 250;
  let outcome = first;
  for (let attempt = 1; ; attempt++) {
    if (outcome.status !== 'failed') return outcome.status;
    const failure = classifyFailure(outcome.error);
    if (failure.permanent || attempt >= attempts) {
      deps.log.error({ messageId: id, attempt, errorCode: failure.code, err: failure.message }, 'message quarantined');
      await quarantineMessage(deps.db, id, failure.code, failure.message);
      return 'quarantined';
    }
    deps.log.warn({ messageId: id, attempt, err: failure.message }, 'processing failed; retrying');
    await sleep(backoffMs * 2 ** (attempt - 1));
    outcome = await processMessage(deps, id).catch((error: unknown) => ({ status: 'failed' as const, error }));
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
