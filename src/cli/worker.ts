import type { CommandIo } from '../cli.js';
import { loadConfig } from '../config.js';
import { OfferTriageError } from '../errors.js';
import { processDeps, sendDeps } from '../pipeline/wiring.js';
import { sendOutbox } from '../replies/send.js';
import { createQueues } from '../queue/queues.js';
import { startSweeper } from '../queue/sweeper.js';
import { startProcessWorker, startSendWorker } from '../queue/workers.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage worker`: the long-running BullMQ workers (process; send when SMTP_URL is set) plus the sweeper that re-enqueues pending rows
 * Redis lost. SIGTERM/SIGINT close the workers, which waits for the jobs in hand, then the connections.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('worker', io, async () => {
    if (args.length > 0) {
      io.stderr.write('usage: offer-triage worker\n');
      return 2;
    }
    const config = loadConfig();
    if (!config.redisUrl) {
      throw new OfferTriageError('OT_ERR_CONFIG', 'REDIS_URL must be set for `offer-triage worker` (e.g. redis://127.0.0.1:6379); without Redis use `offer-triage run --once`', { permanent: true });
    }
    const ctx = await openCommandContext({ config, logToStdout: true });
    const queues = createQueues(config.redisUrl, config.queuePrefix);
    const opts = { redisUrl: config.redisUrl, prefix: config.queuePrefix, concurrency: config.processConcurrency, log: ctx.log };
    const processWorker = startProcessWorker(opts, processDeps(ctx, queues));
    const sender = sendDeps(ctx);
    const sendWorker = sender ? startSendWorker({ ...opts, concurrency: config.smtpMaxConnections }, (id) => sendOutbox(sender, id)) : null;
    if (!sender) ctx.log.warn('SMTP_URL unset: replies wait in the outbox; no send worker in this process');
    const sweeper = startSweeper({ db: ctx.db, queue: queues.process, log: ctx.log, graceSeconds: 5 });
    ctx.log.info({ concurrency: config.processConcurrency, prefix: config.queuePrefix, send: sender !== null }, 'worker started');

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    ctx.log.info({ signal }, 'worker stopping: finishing the jobs in hand');
    await Promise.all([processWorker.close(), sendWorker?.close()]);
    sender?.transport.close();
    await sweeper.stop();
    await queues.close();
    ctx.log.info('worker stopped');
    await ctx.close();
    return 0;
  });
}
