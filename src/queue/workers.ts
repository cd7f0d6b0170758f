import { UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../log.js';
import { quarantineMessage } from '../store/quarantine.js';
import { classifyFailure } from '../pipeline/failure.js';
import { processBatch, type ProcessDeps, type ProcessOutcome } from '../pipeline/process.js';
import { DEFAULT_BATCH_SIZE } from '../pipeline/run-pending.js';
import type { Settled } from '../core/types.js';
import { createBatcher } from './batcher.js';
import { QUEUE_FOR } from './jobs.js';
import type { DataOf } from './queues.js';

/**
 * BullMQ workers. A job in hand when the process dies is found stalled once its lock lapses and runs again;
 * the handler's own idempotence (row status under FOR UPDATE) makes that harmless. The lock is short so a
 * killed worker's jobs come back within seconds; it is renewed while a long message parses.
 */
export interface WorkerOptions {
  redisUrl: string;
  prefix: string;
  /** send: jobs at once; process: batches in flight */
  concurrency: number;
  log: Logger;
  /** process: messages per batch (one transaction) */
  batchSize?: number;
}

// Long enough for the jobs BullMQ hands out one by one to fill a batch, short enough not to be noticed.
const BATCH_WAIT_MS = 20;

const LOCKS = { lockDuration: 15_000, stalledInterval: 5_000 };

// Worker errors (lost Redis connection, lock renewal failures) are logged, never swallowed.
const onError = (log: Logger, queue: string) => (err: Error) => log.error({ err, queue }, 'worker error');
// The job's data is the row id ({ messageId } or { outboxId }), so the line names the row it concerns.
const onFailed = (log: Logger, queue: string) => (job: { id?: string; attemptsMade: number; data: DataOf<'process'> | DataOf<'send'> } | undefined, err: Error) =>
  log.warn({ queue, jobId: job?.id, ...job?.data, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed');

/**
 * One job per message, as the ingest side adds them, but processed in batches: the jobs in hand are gathered
 * (`concurrency` batches of `batchSize`, so BullMQ runs that many jobs at once) and each job still succeeds,
 * retries or fails on its own message's result.
 */
export function startProcessWorker(opts: WorkerOptions, deps: ProcessDeps): Worker<DataOf<'process'>, unknown, 'process'> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const batcher = createBatcher<number, ProcessOutcome>(
    async (ids) => {
      const settled = new Map<number, Settled<ProcessOutcome>>();
      for (const [id, r] of await processBatch(deps, ids)) settled.set(id, r.status === 'failed' ? { ok: false, error: r.error } : { ok: true, value: r });
      return settled;
    },
    { maxSize: batchSize, maxWaitMs: BATCH_WAIT_MS, lanes: opts.concurrency },
  );
  const worker = new Worker<DataOf<'process'>, unknown, 'process'>(
    QUEUE_FOR.process,
    async (job) => {
      const { messageId } = job.data;
      try {
        const outcome = await batcher.run(messageId);
        return outcome.status;
      } catch (err) {
        const failure = classifyFailure(err);
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (failure.permanent || lastAttempt) {
          deps.log.error({ messageId, errorCode: failure.code, err: failure.message, attempt: job.attemptsMade + 1 }, 'message quarantined');
          // If this write fails too (PostgreSQL down), the row stays pending and the sweeper brings it back.
          await quarantineMessage(deps.db, messageId, failure.code, failure.message);
          if (failure.permanent) throw new UnrecoverableError(failure.message);
        }
        throw err;
      }
    },
    { connection: { url: opts.redisUrl, maxRetriesPerRequest: null }, prefix: opts.prefix, concurrency: opts.concurrency * batchSize, ...LOCKS },
  );
  worker.on('error', onError(opts.log, 'process'));
  worker.on('failed', onFailed(opts.log, 'process'));
  return worker;
}

export function startSendWorker(opts: WorkerOptions, send: (outboxId: number) => Promise<unknown>): Worker<DataOf<'send'>, unknown, 'send'> {
  const worker = new Worker<DataOf<'send'>, unknown, 'send'>(QUEUE_FOR.send, async (job) => send(job.data.outboxId), {
    connection: { url: opts.redisUrl, maxRetriesPerRequest: null },
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    ...LOCKS,
  });
  worker.on('error', onError(opts.log, 'send'));
  worker.on('failed', onFailed(opts.log, 'send'));
  return worker;
}
