import { UnrecoverableError } from 'bullmq';
import type { Config } from '../config.js';
import { describeError, OfferTriageError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { buildMail } from './message.js';
import { getOutbox, markFailed, markRetry, markSending, markSent, markUncertain, markWithheld, recentSendsTo, type OutboxRow } from './outbox.js';
import type { ReplyTransport } from './transport.js';

/**
 * The send job's handler. The outbox row, not the job, decides whether mail goes out: BullMQ may run a job
 * twice, and only a 'pending' row is sent. The row is moved to 'sending' (with a lease) and committed
 * before SMTP starts, so a worker that dies between the server accepting DATA and the row saying 'sent'
 * leaves a 'sending' row behind. A later attempt that finds such a row with its lease expired marks it
 * 'uncertain' for a person to check instead of sending again: SMTP cannot tell us whether it arrived.
 */
export interface SendDeps {
  db: Db;
  config: Pick<Config, 'fromAddress' | 'teamName' | 'replyLimitPerDay'>;
  log: Logger;
  transport: ReplyTransport;
  /** how long a 'sending' row belongs to the worker that claimed it; longer than any one SMTP session */
  leaseSeconds?: number;
}

export type SendOutcome = 'sent' | 'skipped' | 'withheld' | 'uncertain';

const DEFAULT_LEASE_SECONDS = 300;

type Claim = { outcome: SendOutcome } | { outcome: 'send'; row: OutboxRow };

export async function sendOutbox(deps: SendDeps, outboxId: number): Promise<SendOutcome> {
  const { db } = deps;
  const claim = await db.transaction((tx): Promise<Claim> => claimRow(tx, deps, outboxId));
  if (claim.outcome !== 'send') {
    deps.log.info({ outboxId, outcome: claim.outcome }, 'reply not sent');
    return claim.outcome;
  }
  const row = claim.row;
  // `messageId` in log lines is a stored message's row id; the reply's own Message-ID header is `mailMessageId`.
  const log = deps.log.child({ outboxId, leadId: row.lead_id, mailMessageId: row.message_id });
  const attachment = row.attach_message_id === null ? null : await loadRaw(db, row.attach_message_id, row.lead_id);

  let response: string;
  try {
    response = (await deps.transport.send(buildMail(row, deps.config, attachment))).response;
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    const smtpResponse = (err as { response?: string }).response ?? null;
    if (code !== undefined && code >= 500) {
      await markFailed(db.pool, row.id, describeError(err), smtpResponse);
      log.error({ code, smtpResponse }, 'reply refused permanently; recorded as failed');
      throw new UnrecoverableError(`OT_ERR_SMTP_PERMANENT: ${describeError(err)}`);
    }
    // 4xx and broken connections: nothing was accepted, so the row goes back to pending for the retry
    await markRetry(db.pool, row.id, describeError(err), smtpResponse);
    throw new OfferTriageError('OT_ERR_SMTP_TEMPORARY', describeError(err), { cause: err });
  }
  await markSent(db.pool, row.id, response);
  log.info({ to: row.to_email, template: row.template, response }, 'reply sent');
  return 'sent';
}

async function claimRow(tx: Parameters<Parameters<Db['transaction']>[0]>[0], deps: SendDeps, id: number): Promise<Claim> {
  const row = await getOutbox(tx, id, { lock: true });
  if (!row) return { outcome: 'skipped' };
  switch (row.state) {
    case 'sent':
    case 'failed':
    case 'withheld':
    case 'uncertain':
      return { outcome: 'skipped' };
    case 'sending':
      if (row.lease_expired) {
        await markUncertain(tx, id, 'a worker stopped while sending: check with the recipient before resending');
        deps.log.warn({ outboxId: id, leadId: row.lead_id, mailMessageId: row.message_id }, 'reply found mid-send after a crash; marked uncertain, not resent');
        return { outcome: 'uncertain' };
      }
      throw new OfferTriageError('OT_ERR_STATE', `outbox ${id} is being sent by another worker`);
    case 'pending': {
      const limit = deps.config.replyLimitPerDay;
      if (row.template !== 'ministry-forward' && limit > 0 && row.to_email) {
        const recent = await recentSendsTo(tx, row.to_email, id);
        if (recent >= limit) {
          await markWithheld(tx, id, `per-recipient limit: ${recent} automatic replies to ${row.to_email} in the last 24 hours`);
          return { outcome: 'withheld' };
        }
      }
      await markSending(tx, id, deps.leaseSeconds ?? DEFAULT_LEASE_SECONDS);
      return { outcome: 'send', row };
    }
  }
}

async function loadRaw(db: Db, messageId: number, leadId: number): Promise<{ filename: string; raw: Buffer }> {
  const res = await db.query<{ raw: Buffer; reference: string }>(
    'SELECT m.raw, l.reference FROM messages m, leads l WHERE m.id = $1 AND l.id = $2',
    [messageId, leadId],
  );
  const found = res.rows[0];
  if (!found) throw new OfferTriageError('OT_ERR_NOT_FOUND', `message ${messageId} to attach`, { permanent: true });
  return { filename: `${found.reference}-original.eml`, raw: found.raw };
}
