import type { Address, Language } from '../core/types.js';
import type { Queryable } from '../store/db.js';
import { pgJson } from '../store/leads.js';
import type { TemplateName } from './templates.js';
import { partsOf } from './message.js';

/**
 * The outbox store. Each state change is one conditional UPDATE on the expected current state, so two
 * workers holding the same job can never both move a row forward.
 */
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'withheld', 'uncertain'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface NewOutboxRow {
  leadId: number;
  template: TemplateName;
  language: Language;
  /** null: an ordinary reply; else the row is written as withheld with this reason */
  withheldReason: string | null;
  to: Address | null;
  cc: Address | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  attachMessageId: number | null;
}

export interface OutboxRow {
  id: number;
  lead_id: number;
  template: TemplateName;
  language: Language;
  state: OutboxState;
  to_email: string | null;
  to_name: string | null;
  cc_email: string | null;
  cc_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  in_reply_to: string | null;
  refs: string[];
  attach_message_id: number | null;
  withheld_reason: string | null;
  attempts: number;
  lease_expires_at: Date | null;
  lease_expired: boolean;
  smtp_response: string | null;
  error: string | null;
  created_at: Date;
  sending_at: Date | null;
  sent_at: Date | null;
}

export interface WrittenOutbox {
  id: number;
  lead_id: number;
  template: TemplateName;
  state: OutboxState;
}

/**
 * Inserts the rows in one statement, each unless its lead already has that template (UNIQUE (lead_id,
 * template)); returns the rows actually written. Rows go in lead order (stable, so a lead's templates keep
 * the caller's order) so two transactions writing overlapping sets wait on each other in the same order
 * instead of deadlocking.
 */
export async function insertOutboxRows(q: Queryable, rows: NewOutboxRow[]): Promise<WrittenOutbox[]> {
  if (rows.length === 0) return [];
  const records = [...rows]
    .sort((x, y) => x.leadId - y.leadId)
    .map((row) => ({
      lead_id: row.leadId,
      language: row.language,
      state: row.withheldReason === null ? 'pending' : 'withheld',
      withheld_reason: row.withheldReason,
      ...partsOf(row),
      attach_message_id: row.attachMessageId,
    }));
  const res = await q.query<WrittenOutbox>(
    `INSERT INTO outbox (lead_id, template, language, state, withheld_reason, to_email, to_name, cc_email, cc_name,
                         subject, text_body, html_body, message_id, in_reply_to, refs, attach_message_id)
     SELECT lead_id, template, language, state, withheld_reason, to_email, to_name, cc_email, cc_name,
            subject, text_body, html_body, message_id, in_reply_to, refs, attach_message_id
       FROM jsonb_to_recordset($1::jsonb) AS r(lead_id bigint, template text, language text, state text, withheld_reason text,
            to_email text, to_name text, cc_email text, cc_name text, subject text, text_body text, html_body text,
            message_id text, in_reply_to text, refs text[], attach_message_id bigint)
     ON CONFLICT (lead_id, template) DO NOTHING
     RETURNING id, lead_id, template, state`,
    [pgJson(records)],
  );
  return res.rows;
}

const COLUMNS = `*, (lease_expires_at IS NOT NULL AND lease_expires_at < now()) AS lease_expired`;

export async function getOutbox(q: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<OutboxRow | null> {
  const res = await q.query<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return res.rows[0] ?? null;
}

export async function findOutbox(q: Queryable, leadId: number, template: TemplateName): Promise<OutboxRow | null> {
  const res = await q.query<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE lead_id = $1 AND template = $2`, [
    leadId,
    template,
  ]);
  return res.rows[0] ?? null;
}

/**
 * Ids of pending rows after `afterId` untouched for `olderThanSeconds` (written, or put back after a
 * temporary refusal), oldest first: the sweeper pages through these to re-add send jobs Redis lost.
 */
export async function pendingOutboxIds(
  q: Queryable,
  opts: { afterId?: number; limit?: number; olderThanSeconds?: number } = {},
): Promise<number[]> {
  const res = await q.query<{ id: number }>(
    `SELECT id FROM outbox
      WHERE state = 'pending' AND id > $1 AND updated_at <= now() - make_interval(secs => $2)
      ORDER BY id LIMIT $3`,
    [opts.afterId ?? 0, opts.olderThanSeconds ?? 0, opts.limit ?? 500],
  );
  return res.rows.map((r) => r.id);
}

/** Rows a person should look at (failed, uncertain, withheld), newest first, for the admin page. */
export async function listOutboxAttention(q: Queryable, limit = 200): Promise<OutboxRow[]> {
  const res = await q.query<OutboxRow>(
    `SELECT ${COLUMNS} FROM outbox WHERE state IN ('failed', 'uncertain', 'withheld') ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return res.rows;
}

/**
 * Sends to one address in the last 24 hours that may have reached it (sent, being sent, or uncertain).
 * Counted under a per-address advisory lock held to the end of the caller's transaction, so two workers
 * cannot both take the last slot.
 */
export async function recentSendsTo(q: Queryable, email: string, excludeId: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`outbox:${email}`]);
  const res = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox
      WHERE to_email = $1 AND id <> $2 AND template <> 'ministry-forward'
        AND state IN ('sending', 'sent', 'uncertain') AND sending_at > now() - interval '24 hours'`,
    [email, excludeId],
  );
  return res.rows[0]?.n ?? 0;
}

export async function markSending(q: Queryable, id: number, leaseSeconds: number): Promise<boolean> {
  const res = await q.query(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_at = now(),
            lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
      WHERE id = $1 AND state = 'pending'`,
    [id, leaseSeconds],
  );
  return res.rowCount === 1;
}

/** Also from 'uncertain': a slow send that outlived its lease did reach the server after all. */
export async function markSent(q: Queryable, id: number, smtpResponse: string): Promise<boolean> {
  const res = await q.query(
    `UPDATE outbox SET state = 'sent', smtp_response = $2, sent_at = now(), lease_expires_at = NULL, error = NULL, updated_at = now()
      WHERE id = $1 AND state IN ('sending', 'uncertain')`,
    [id, smtpResponse],
  );
  return res.rowCount === 1;
}

/** After a refusal that leaves the message undelivered: back to pending for the next attempt. */
export async function markRetry(q: Queryable, id: number, error: string, smtpResponse: string | null): Promise<void> {
  await q.query(
    `UPDATE outbox SET state = 'pending', error = $2, smtp_response = $3, lease_expires_at = NULL, updated_at = now()
      WHERE id = $1 AND state = 'sending'`,
    [id, error, smtpResponse],
  );
}

export async function markFailed(q: Queryable, id: number, error: string, smtpResponse: string | null): Promise<void> {
  await q.query(
    `UPDATE outbox SET state = 'failed', error = $2, smtp_response = $3, lease_expires_at = NULL, updated_at = now()
      WHERE id = $1 AND state IN ('pending', 'sending')`,
    [id, error, smtpResponse],
  );
}

export async function markWithheld(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(
    `UPDATE outbox SET state = 'withheld', withheld_reason = $2, updated_at = now() WHERE id = $1 AND state = 'pending'`,
    [id, reason],
  );
}

export async function markUncertain(q: Queryable, id: number, note: string): Promise<void> {
  await q.query(
    `UPDATE outbox SET state = 'uncertain', error = $2, lease_expires_at = NULL, updated_at = now() WHERE id = $1 AND state = 'sending'`,
    [id, note],
  );
}

/**
 * A person's verdict on an `uncertain` reply (a crash after the SMTP server may have accepted it): `resend`
 * puts it back to pending (the same Message-ID, so a mail client that got both can thread them), `sent`
 * records that it did arrive. Returns the reply's lead, or null when the row is not (or no longer) uncertain.
 */
export async function resolveUncertain(q: Queryable, id: number, verdict: 'resend' | 'sent'): Promise<number | null> {
  const res = await q.query<{ lead_id: number }>(
    verdict === 'resend'
      ? `UPDATE outbox SET state = 'pending', lease_expires_at = NULL, updated_at = now() WHERE id = $1 AND state = 'uncertain' RETURNING lead_id`
      : `UPDATE outbox SET state = 'sent', sent_at = coalesce(sent_at, now()), updated_at = now() WHERE id = $1 AND state = 'uncertain' RETURNING lead_id`,
    [id],
  );
  return res.rows[0]?.lead_id ?? null;
}
