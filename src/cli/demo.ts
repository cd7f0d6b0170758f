import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PinoPretty } from 'pino-pretty';
import type { CommandIo } from '../cli.js';
import { build } from '../admin/app.js';
import { hashPassword } from '../admin/password.js';
import { loadConfig } from '../config.js';
import { openContext, type Context } from '../context.js';
import { createLogger } from '../log.js';
import { importPaths } from '../mailbox/import.js';
import { runMailboxWorker } from '../mailbox/imap-source.js';
import { runPending } from '../pipeline/run-pending.js';
import { sendDue } from '../pipeline/send-due.js';
import { processDeps, sendDeps } from '../pipeline/wiring.js';
import { SAMPLES_DIR } from '../paths.js';
import { createDecisionReplies } from '../replies/decision-replies.js';
import { releaseQuarantined } from '../store/quarantine.js';
import { createUser } from '../store/users.js';
import { guarded } from './guard.js';

/**
 * `npm run demo`: the whole product on one machine with nothing installed but Node. Embedded PostgreSQL
 * under DATA_DIR, the bundled demo inbox (samples/) through the real pipeline with the job handlers run
 * in-process (no Redis needed), replies written as .eml files to ./outbox, and the admin page with a demo
 * coordinator whose password is printed. With IMAP_URL set it also polls that mailbox.
 */
export const DEMO_EMAIL = 'demo@offer-triage.example';

export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('demo', io, async () => {
    if (args.length > 0) {
      io.stderr.write('usage: offer-triage demo   (configure with the same environment as the other commands)\n');
      return 2;
    }
    const outboxDir = path.resolve('outbox');
    const config = loadConfig({ SMTP_URL: pathToFileURL(outboxDir).href, ...process.env });
    const log = createLogger({ level: config.logLevel, destination: PinoPretty({ colorize: Boolean(process.stdout.isTTY), destination: 1 }) });
    if (config.smtpUrl?.startsWith('file:')) await mkdir(new URL(config.smtpUrl), { recursive: true });

    log.info('starting embedded PostgreSQL (first start initialises it under %s)', config.dataDir);
    const ctx = await openContext({ config, log });
    const stop = new AbortController();
    const tasks: Promise<unknown>[] = [];
    try {
      const password = randomBytes(9).toString('base64url');
      // createUser resets an existing account's password, so every start prints a password that works.
      await createUser(ctx.db.pool, DEMO_EMAIL, 'coordinator', await hashPassword(password));

      await importSamples(ctx);
      if (config.imapUrl) {
        log.info('IMAP_URL set: polling that mailbox as well');
        tasks.push(
          runMailboxWorker(ctx, {
            signal: stop.signal,
            onStored: () => processAndSend(ctx).then(() => undefined),
          }).catch((err) => log.error({ err }, 'mailbox worker stopped')),
        );
      }

      const app = await build({
        db: ctx.db,
        config,
        sessionSecret: config.sessionSecret ?? randomBytes(32).toString('base64url'),
        log,
        onDecided: createDecisionReplies(config),
        // Decisions write outbox rows; the demo sends them at once, in-process, to ./outbox.
        nudgeOutbox: () => processAndSend(ctx).then(() => undefined),
        reprocess: async (messageId) => {
          await releaseQuarantined(ctx.db, [messageId], DEMO_EMAIL);
          await processAndSend(ctx);
        },
      });
      const address = await app.listen({ port: config.port, host: config.host });
      io.stdout.write(
        [
          '',
          `  offer-triage demo is running: ${address.replace('127.0.0.1', 'localhost')}/login`,
          `  log in as   ${DEMO_EMAIL}`,
          `  password    ${password}`,
          `  replies are written to ${config.smtpUrl}`,
          '  stop with Ctrl-C',
          '',
          '',
        ].join('\n'),
      );

      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      log.info({ signal }, 'demo stopping');
      stop.abort();
      await app.close();
      await Promise.all(tasks);
      return 0;
    } finally {
      await ctx.close();
    }
  });
}

async function importSamples(ctx: Context): Promise<void> {
  ctx.log.info({ folder: SAMPLES_DIR }, 'importing the demo inbox');
  const summary = await importPaths([SAMPLES_DIR], {
    db: ctx.db,
    log: ctx.log,
    maxMessageBytes: ctx.config.maxMessageBytes,
    onStored: async (refs) => {
      ctx.log.info({ stored: refs.filter((r) => r.created).length, batch: refs.length }, 'demo inbox: batch stored');
    },
  });
  ctx.log.info({ files: summary.files, stored: summary.stored, alreadyThere: summary.duplicates }, 'demo inbox stored');
  for (const e of summary.errors) ctx.log.warn({ path: e.path, error: e.error }, 'demo inbox: file not imported');
  const outcome = await processAndSend(ctx);
  ctx.log.info(outcome, 'demo inbox processed and replies written');
}

/** The job handlers, run in this process: process every pending message, then send every due reply. */
async function processAndSend(ctx: Context) {
  const processed = await runPending(processDeps(ctx), { concurrency: 4 });
  const sender = sendDeps(ctx);
  if (!sender) return { ...processed, replies: 0 };
  try {
    const sent = await sendDue(sender, 2);
    return { ...processed, replies: sent.sent };
  } finally {
    sender.transport.close();
  }
}
