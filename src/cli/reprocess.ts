import type { CommandIo } from '../cli.js';
import { releaseQuarantined } from '../store/quarantine.js';
import { runPending } from '../pipeline/run-pending.js';
import { processDeps } from '../pipeline/wiring.js';
import { createQueues, requeueProcess } from '../queue/queues.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage reprocess ID... | --quarantined`: puts quarantined messages back to pending and enqueues them
 * (REDIS_URL set) or processes them here. Messages that are not quarantined are left as they are.
 */
const USAGE = 'usage: offer-triage reprocess MESSAGE_ID... | --quarantined\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('reprocess', io, async () => {
    const all = args.length === 1 && args[0] === '--quarantined';
    if (!all && (args.length === 0 || args.some((a) => !/^\d+$/.test(a)))) {
      io.stderr.write(USAGE);
      return 2;
    }
    const ctx = await openCommandContext();
    try {
      const released = await releaseQuarantined(ctx.db, all ? 'all' : args.map(Number), 'cli');
      if (ctx.config.redisUrl) {
        const queues = createQueues(ctx.config.redisUrl, ctx.config.queuePrefix);
        try {
          await requeueProcess(queues.process, released);
        } finally {
          await queues.close();
        }
        io.stdout.write(`reprocess: ${released.length} messages back to pending and queued\n`);
      } else {
        const done = await runPending(processDeps(ctx), { concurrency: ctx.config.processConcurrency, ids: released });
        io.stdout.write(`reprocess: ${released.length} messages released; processed ${done.processed}, quarantined again ${done.quarantined}\n`);
      }
      if (!all && released.length < args.length) {
        const missing = args.map(Number).filter((id) => !released.includes(id));
        io.stderr.write(`offer-triage reprocess: not quarantined (left as they are): ${missing.join(', ')}\n`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  });
}
