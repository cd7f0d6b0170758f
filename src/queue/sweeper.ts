import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { pendingOutboxIds } from '../replies/outbox.js';
import { pendingMessageIds } from '../store/quarantine.js';
import { requeueProcess, requeueSend, type TypedQueue } from './queues.js';

/**
 * Re-adds jobs for rows that are still pending after a grace period and have no live job: Redis restarted
 * without persistence, a job was never added after a crash between commit and enqueue (or the enqueue
 * failed), or the final quarantine write failed because PostgreSQL was down. The database is the record;
 * Redis only carries the nudges. Messages get `process` jobs (with `queue`), outbox rows `send` jobs (with
 * `sendQueue`).
 */
export interface SweeperOptions {
  db: Db;
  /** the process queue: pending messages */
  queue?: TypedQueue<'process'>;
  /** the send queue: pending outbox rows */
  sendQueue?: TypedQueue<'send'>;
  log: Logger;
  intervalMs?: number;
  /** messages pending for longer than this get a job again */
  graceSeconds?: number;
  /**
   * outbox rows untouched for longer than this get a job again. Longer than the messages' grace: a row put
   * back to pending by a temporary SMTP refusal whose job has used up its attempts is retried at this pace,
   * not hammered while the provider refuses.
   */
  sendGraceSeconds?: number;
}

export const DEFAULT_SEND_GRACE_SECONDS = 60;

type Page = (afterId: number) => Promise<number[]>;

async function sweep(page: Page, requeue: (ids: number[]) => Promise<number>): Promise<number> {
  let afterId = 0;
  let added = 0;
  for (;;) {
    const ids = await page(afterId);
    if (ids.length === 0) break;
    added += await requeue(ids);
    afterId = ids[ids.length - 1]!;
  }
  return added;
}

export async function sweepOnce(opts: SweeperOptions): Promise<number> {
  const { db, queue, sendQueue } = opts;
  const messages = queue
    ? await sweep(
        (afterId) => pendingMessageIds(db, { afterId, limit: 1000, olderThanSeconds: opts.graceSeconds ?? 30 }),
        (ids) => requeueProcess(queue, ids),
      )
    : 0;
  if (messages > 0) opts.log.info({ added: messages }, 'sweeper re-enqueued pending messages without a job');
  const replies = sendQueue
    ? await sweep(
        (afterId) => pendingOutboxIds(db.pool, { afterId, limit: 1000, olderThanSeconds: opts.sendGraceSeconds ?? DEFAULT_SEND_GRACE_SECONDS }),
        (ids) => requeueSend(sendQueue, ids),
      )
    : 0;
  if (replies > 0) opts.log.info({ added: replies }, 'sweeper re-enqueued pending replies without a send job');
  return messages + replies;
}

export function startSweeper(opts: SweeperOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sweepOnce(opts).catch((err: unknown) => opts.log.warn({ err }, 'sweep failed; will retry'));
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? 15_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
