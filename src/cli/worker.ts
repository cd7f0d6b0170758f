import { parseArgs } from 'node:util';
import type { CommandIo } from '../cli.js';
import { loadConfig } from '../config.js';
import { OfferTriageError } from '../errors.js';
import { startMetricsListener } from '../metrics/server.js';
import { processDeps, sendDeps } from '../pipeline/wiring.js';
import { sendOutbox } from '../replies/send.js';
import { createQueues } from '../queue/queues.js';
import { startSweeper } from '../queue/sweeper.js';
import { startProcessWorker, startSendWorker } from '../queue/workers.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage worker [--queues process,send]`: the long-running BullMQ workers (process, with the sweeper
 * that re-enqueues pending rows Redis lost; send when SMTP_URL is set). `--queues` picks which, so the
 * processor and the mailer can run as separate services. SIGTERM/SIGINT close the workers, which waits for
 * the jobs in hand, then the connections.
 */
const QUEUES = ['process', 'send'] as const;
type QueueName = (typeof QUEUES)[number];
const USAGE = 'usage: offer-triage worker [--queues process,send]\n';

function parseQueues(args: string[]): Set<QueueName> | null {
  let value: string;
  try {
    value = parseArgs({ args, options: { queues: { type: 'string', default: QUEUES.join(',') } }, strict: true }).values
      .queues;
  } catch {
    return null;
  }
  const names = value.split(',').map((n) => n.trim());
  return names.every((n): n is QueueName => (QUEUES as readonly string[]).includes(n)) ? new Set(names) : null;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('worker', io, async () => {
    const queueNames = parseQueues(args);
    if (!queueNames) {
      io.stderr.write(USAGE);
      return 2;
    }
    const config = loadConfig();
    if (!config.redisUrl) {
      throw new OfferTriageError(
        'OT_ERR_CONFIG',
        'REDIS_URL must be set for `offer-triage worker` (e.g. redis://127.0.0.1:6379); without Redis use `offer-triage run --once`',
        { permanent: true },
      );
    }
    const ctx = await openCommandContext({ config, logToStdout: true });
    const queues = createQueues(config.redisUrl, config.queuePrefix);
    const metrics = await startMetricsListener(ctx, queues).catch(async (err: unknown) => {
      await queues.close();
      await ctx.close();
      throw err;
    });
    const opts = {
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      concurrency: config.processConcurrency,
      log: ctx.log,
    };
    const processing = queueNames.has('process');
    const processWorker = processing ? startProcessWorker(opts, processDeps(ctx, queues)) : null;
    const sender = queueNames.has('send') ? sendDeps(ctx) : null;
    const sendWorker = sender
      ? startSendWorker({ ...opts, concurrency: config.smtpMaxConnections }, (id) => sendOutbox(sender, id))
      : null;
    if (queueNames.has('send') && !sender)
      ctx.log.warn('SMTP_URL unset: replies wait in the outbox; no send worker in this process');
    // Re-adds jobs Redis lost: pending messages for the processor, pending replies for the sender.
    const sweeper =
      processing || sender
        ? startSweeper({
            db: ctx.db,
            queue: processing ? queues.process : undefined,
            sendQueue: sender ? queues.send : undefined,
            log: ctx.log,
            graceSeconds: 5,
          })
        : null;
    ctx.log.info(
      {
        queues: [...queueNames],
        concurrency: config.processConcurrency,
        prefix: config.queuePrefix,
        send: sender !== null,
      },
      'worker started',
    );

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    ctx.log.info({ signal }, 'worker stopping: finishing the jobs in hand');
    await Promise.all([processWorker?.close(), sendWorker?.close()]);
    sender?.transport.close();
    await sweeper?.stop();
    await metrics?.close();
    await queues.close();
    ctx.log.info('worker stopped');
    await ctx.close();
    return 0;
  });
}
