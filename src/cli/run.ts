import type { CommandIo } from '../cli.js';
import { runPending } from '../pipeline/run-pending.js';
import { processDeps } from '../pipeline/wiring.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage run --once`: for cron and tests. Drains the mailbox when IMAP_URL is set, processes every
 * pending message in this process (no Redis needed), sends the replies that are due, and exits.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('run', io, async () => {
    if (args.length !== 1 || args[0] !== '--once') {
      io.stderr.write('usage: offer-triage run --once\n');
      return 2;
    }
    const ctx = await openCommandContext();
    try {
      const done = await runPending(processDeps(ctx), { concurrency: ctx.config.processConcurrency });
      io.stdout.write(`run: processed ${done.processed}, quarantined ${done.quarantined}, skipped ${done.skipped}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  });
}
