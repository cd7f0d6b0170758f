import type { CommandIo } from '../cli.js';
import { importPaths } from '../mailbox/import.js';
import { runPending } from '../pipeline/run-pending.js';
import { processDeps } from '../pipeline/wiring.js';
import { createQueues, enqueueProcess } from '../queue/queues.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage import PATH...`: stores .eml files, folders and mbox archives, then enqueues the new
 * messages (REDIS_URL set) or processes them in this process. Exit 1 when a path could not be read.
 */
const USAGE = 'usage: offer-triage import PATH...   (.eml files, folders of them, mbox files)\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('import', io, async () => {
    const paths = args[0] === '--' ? args.slice(1) : args;
    if (paths.length === 0 || paths.some((p) => p.startsWith('-'))) {
      io.stderr.write(USAGE);
      return 2;
    }
    const ctx = await openCommandContext();
    const queues = ctx.config.redisUrl ? createQueues(ctx.config.redisUrl, ctx.config.queuePrefix) : undefined;
    try {
      const summary = await importPaths(paths, {
        db: ctx.db,
        log: ctx.log,
        maxMessageBytes: ctx.config.maxMessageBytes,
        onStored: queues ? (refs) => enqueueProcess(queues.process, refs.filter((r) => r.created).map((r) => r.id)) : undefined,
      });
      for (const e of summary.errors) io.stderr.write(`offer-triage import: ${e.path}: ${e.error}\n`);
      let line = `import: ${summary.files} files, ${summary.stored} stored, ${summary.duplicates} duplicates, ${summary.errors.length} errors`;
      if (queues) {
        line += `; ${summary.stored} queued for processing`;
      } else {
        const done = await runPending(processDeps(ctx), { concurrency: ctx.config.processConcurrency });
        line += `; processed ${done.processed}, quarantined ${done.quarantined}`;
      }
      io.stdout.write(`${line}\n`);
      return summary.errors.length > 0 ? 1 : 0;
    } finally {
      await queues?.close();
      await ctx.close();
    }
  });
}
