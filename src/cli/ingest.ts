import type { CommandIo } from '../cli.js';
import { loadConfig } from '../config.js';
import { OfferTriageError } from '../errors.js';
import { runMailboxWorker } from '../mailbox/imap-source.js';
import { startMetricsListener, type MetricsServer } from '../metrics/server.js';
import { createQueues, enqueueProcess } from '../queue/queues.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage ingest`: the long-running mailbox worker. Stored messages get a process job when REDIS_URL
 * is set; without Redis they stay pending for `run --once` (or the processor's sweeper) to pick up.
 * SIGTERM/SIGINT finish the batch in hand, log out and release the mailbox's leader lock.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('ingest', io, async () => {
    if (args.length > 0) {
      io.stderr.write('usage: offer-triage ingest\n');
      return 2;
    }
    const config = loadConfig();
    if (!config.imapUrl) {
      throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL must be set for `offer-triage ingest` (imap[s]://user:password@host:port/Mailbox)', { permanent: true });
    }
    const ctx = await openCommandContext({ config, logToStdout: true });
    const queues = config.redisUrl ? createQueues(config.redisUrl, config.queuePrefix) : null;
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      ctx.log.info({ signal }, 'ingest stopping: finishing the batch in hand');
      stop.abort();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    let metrics: MetricsServer | null = null;
    try {
      metrics = await startMetricsListener(ctx, queues);
      await runMailboxWorker(ctx, { signal: stop.signal, onStored: queues ? (ids) => enqueueProcess(queues.process, ids) : undefined });
      return 0;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      await metrics?.close();
      await queues?.close();
      await ctx.close();
    }
  });
}
