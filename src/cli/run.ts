import type { CommandIo } from '../cli.js';
import { drainMailbox } from '../mailbox/imap-drain.js';
import { runPending } from '../pipeline/run-pending.js';
import { sendDue } from '../pipeline/send-due.js';
import { processDeps, sendDeps } from '../pipeline/wiring.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage run --once`: for cron and tests. Drains the mailbox when IMAP_URL is set, processes every
 * pending message in this process (no Redis needed), sends the replies that are due when SMTP_URL is set,
 * and exits.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('run', io, async () => {
    if (args.length !== 1 || args[0] !== '--once') {
      io.stderr.write('usage: offer-triage run --once\n');
      return 2;
    }
    const ctx = await openCommandContext();
    const sender = sendDeps(ctx);
    try {
      const parts: string[] = [];
      if (ctx.config.imapUrl) {
        const drained = await drainMailbox(ctx);
        parts.push(`mailbox: ${drained.stored} stored, ${drained.duplicates} duplicates`);
      }
      const done = await runPending(processDeps(ctx), { concurrency: ctx.config.processConcurrency });
      parts.push(`processed ${done.processed}, quarantined ${done.quarantined}`);
      if (sender) {
        const sent = await sendDue(sender, ctx.config.smtpMaxConnections);
        parts.push(`replies: ${sent.sent} sent, ${sent.notSent} withheld or skipped, ${sent.failed} failed`);
      } else {
        parts.push('replies: SMTP_URL unset, left in the outbox');
      }
      io.stdout.write(`run: ${parts.join('; ')}\n`);
      return 0;
    } finally {
      sender?.transport.close();
      await ctx.close();
    }
  });
}
