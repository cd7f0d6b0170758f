import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { pendingMessageIds } from '../store/quarantine.js';
import { requeueProcess, type TypedQueue } from './queues.js';

/**
 * Re-adds process jobs for messages that have been pending longer than `graceSeconds` and have no live job:
 * Redis restarted without persistence, a job was added after a crash window, or the final quarantine write
 * failed because PostgreSQL was down. The database is the record; Redis only carries the nudges.
 */
export interface SweeperOptions {
  db: Db;
  queue: TypedQueue<'process'>;
  log: Logger;
  intervalMs?: number;
  graceSeconds?: number;
}

export async function sweepOnce(opts: SweeperOptions): Promise<number> {
  let afterId = 0;
  let added = 0;
  for (;;) {
    const ids = await pendingMessageIds(opts.db, { afterId, limit: 1000, olderThanSeconds: opts.graceSeconds ?? 30 });
    if (ids.length === 0) break;
    added += await requeueProcess(opts.queue, ids);
    afterId = ids[ids.length - 1]!;
  }
  if (added > 0) opts.log.info({ added }, 'sweeper re-enqueued pending messages without a job');
  return added;
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
