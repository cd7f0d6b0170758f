import { setTimeout as sleep } from 'node:timers/promises';
import { pendingMessageIds, quarantineMessage } from '../store/quarantine.js';
import { classifyFailure } from './failure.js';
import { processMessage, type ProcessDeps } from './process.js';

/**
 * Processes every pending message in this process, without Redis: `run --once`, `import` without REDIS_URL
 * and the demo. Same handler and same failure policy as the BullMQ worker (permanent → quarantine at once,
 * transient → retry with exponential backoff, quarantine after the last attempt).
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

export async function runPending(deps: ProcessDeps, opts: RunPendingOptions): Promise<RunPendingResult> {
  const result: RunPendingResult = { processed: 0, skipped: 0, quarantined: 0 };
  const batchSize = opts.batchSize ?? 500;
  const one = async (id: number) => {
    const outcome = await processWithRetry(deps, id, opts.attempts ?? 5, opts.backoffMs ?? 250);
    result[outcome]++;
  };
  if (opts.ids) {
    for (let i = 0; i < opts.ids.length; i += batchSize) await pool(opts.ids.slice(i, i + batchSize), opts.concurrency, one);
    return result;
  }
  // Page by id so a message quarantined in this run is not picked up again.
  let afterId = 0;
  for (;;) {
    const ids = await pendingMessageIds(deps.db, { afterId, limit: batchSize });
    if (ids.length === 0) return result;
    await pool(ids, opts.concurrency, one);
    afterId = ids[ids.length - 1]!;
  }
}

async function processWithRetry(deps: ProcessDeps, id: number, attempts: number, backoffMs: number): Promise<keyof RunPendingResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await processMessage(deps, id);
      return outcome.status === 'processed' ? 'processed' : 'skipped';
    } catch (err) {
      const failure = classifyFailure(err);
      if (!failure.permanent && attempt < attempts) {
        deps.log.warn({ messageId: id, attempt, err: failure.message }, 'processing failed; retrying');
        await sleep(backoffMs * 2 ** (attempt - 1));
        continue;
      }
      deps.log.error({ messageId: id, attempt, errorCode: failure.code, err: failure.message }, 'message quarantined');
      await quarantineMessage(deps.db, id, failure.code, failure.message);
      return 'quarantined';
    }
  }
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
