import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CommandIo } from '../cli.js';
import { build } from '../admin/app.js';
import { loadConfig } from '../config.js';
import { startMetricsListener } from '../metrics/server.js';
import { runPending } from '../pipeline/run-pending.js';
import { processDeps } from '../pipeline/wiring.js';
import { createQueues, enqueueSend, requeueProcess } from '../queue/queues.js';
import { createDecisionReplies } from '../replies/decision-replies.js';
import { releaseQuarantined } from '../store/quarantine.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage serve`: the admin page on HOST:PORT. With REDIS_URL, decisions nudge the send queue and
 * reprocessing goes through the process queue; without it, reprocessing runs here and replies wait for
 * `run --once` or a worker. SIGTERM/SIGINT stop accepting requests, finish those in flight, then close.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('serve', io, async () => {
    if (args.length > 0) {
      io.stderr.write('usage: offer-triage serve   (PORT, HOST, SESSION_SECRET from the environment)\n');
      return 2;
    }
    const config = loadConfig();
    const ctx = await openCommandContext({ config, logToStdout: true });
    let sessionSecret = config.sessionSecret;
    if (!sessionSecret) {
      sessionSecret = randomBytes(32).toString('base64url');
      ctx.log.warn(
        'SESSION_SECRET unset: using a random one, so sessions end when this process stops and cannot be shared between processes',
      );
    }
    const queues = config.redisUrl ? createQueues(config.redisUrl, config.queuePrefix) : null;
    const redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false })
      : null;
    await redis?.connect().catch((err) => ctx.log.warn({ err }, 'Redis not reachable yet; /readyz will say so'));
    const metrics = await startMetricsListener(ctx, queues).catch(async (err: unknown) => {
      await queues?.close();
      redis?.disconnect();
      await ctx.close();
      throw err;
    });

    const app = await build({
      db: ctx.db,
      config,
      sessionSecret,
      log: ctx.log,
      onDecided: createDecisionReplies(config),
      nudgeOutbox: queues ? (ids) => enqueueSend(queues.send, ids) : undefined,
      reprocess: async (messageId) => {
        const released = await releaseQuarantined(ctx.db, [messageId], 'admin');
        if (queues) await requeueProcess(queues.process, released);
        else await runPending(processDeps(ctx), { concurrency: 1, ids: released });
      },
      redis: redis ?? undefined,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    ctx.log.info({ address }, 'admin page listening');

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    ctx.log.info({ signal }, 'admin page stopping');
    await app.close();
    await metrics?.close();
    await queues?.close();
    redis?.disconnect();
    await ctx.close();
    return 0;
  });
}
