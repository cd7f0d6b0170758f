import type { Db, Queryable } from '../store/db.js';
import type { Logger } from '../log.js';
import type { Analyse } from '../core/analyse.js';
import type { Analysis, Route } from '../core/types.js';
import type { OnRouted } from './events.js';
import { writeAudit, type AuditEntry } from '../store/audit.js';
import { addLeadSource, enrichLead, insertLead, pgJson, pgText } from '../store/leads.js';
import { textFingerprint } from '../triage/dedupe.js';
import { dedupeKeys, findLead, lockDedupeKeys, originalMessageIdOf } from './match.js';
import { leadPriority } from './priority.js';

/**
 * Turns one stored message into its end state in one transaction: the lead (new or joined), its source row,
 * attachments, the message's route and analysis, audit rows and whatever the routing hook adds (outbox
 * replies). Idempotent: a message that is no longer pending is skipped, so an at-least-once job queue, a
 * retry after a crash, or two workers racing all end in the same state.
 */
export interface ProcessDeps {
  db: Db;
  log: Logger;
  analyse: Analyse;
  onRouted?: OnRouted;
  /** called after commit with the outbox ids the hook created */
  enqueueSend?: (outboxIds: number[]) => Promise<void>;
}

export type ProcessOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'processed'; route: Route; leadId: number | null; newLead: boolean; outboxIds: number[] };

export async function processMessage(deps: ProcessDeps, messageId: number): Promise<ProcessOutcome> {
  const row = await deps.db.query<{ raw: Buffer; status: string }>('SELECT raw, status FROM messages WHERE id = $1', [messageId]);
  const message = row.rows[0];
  if (!message) return { status: 'skipped', reason: 'no such message' };
  if (message.status !== 'pending') return { status: 'skipped', reason: `status ${message.status}` };

  const analysis = await deps.analyse(message.raw);
  const outcome = await deps.db.transaction(async (tx) => {
    // Lock the row: a second worker with the same message waits here, then sees it processed and skips.
    const locked = await tx.query<{ status: string }>('SELECT status FROM messages WHERE id = $1 FOR UPDATE', [messageId]);
    if (locked.rows[0]?.status !== 'pending') return { status: 'skipped', reason: `status ${locked.rows[0]?.status ?? 'gone'}` } as const;
    return record(tx, deps, messageId, analysis);
  });
  if (outcome.status === 'processed' && outcome.outboxIds.length > 0 && deps.enqueueSend) await deps.enqueueSend(outcome.outboxIds);
  return outcome;
}

async function record(tx: Parameters<OnRouted>[0], deps: ProcessDeps, messageId: number, a: Analysis): Promise<ProcessOutcome> {
  const route = a.route;
  const audit: AuditEntry[] = [];
  let leadId: number | null = null;
  let newLead = false;

  if (route !== 'ignore') {
    const fingerprint = textFingerprint(a.offerText);
    await lockDedupeKeys(tx, dedupeKeys(a, fingerprint));
    const match = await findLead(tx, a, fingerprint, messageId);
    if (match) {
      leadId = match.leadId;
      await enrichLead(tx, leadId, a);
      await addLeadSource(tx, { leadId, messageId, kind: match.kind, forwardedBy: a.forwardedBy });
      audit.push({ actor: 'system', action: 'lead.source_added', leadId, messageId, detail: { kind: match.kind, how: match.how } });
    } else {
      const lead = await insertLead(tx, {
        route,
        analysis: a,
        originalMessageId: originalMessageIdOf(a),
        fingerprint,
        priority: leadPriority(a),
      });
      leadId = lead.id;
      newLead = true;
      await addLeadSource(tx, { leadId, messageId, kind: a.forwardedBy ? 'forward' : 'original', forwardedBy: a.forwardedBy });
      audit.push({ actor: 'system', action: 'lead.created', leadId, messageId, detail: { reference: lead.reference, route, category: a.category } });
    }
  }

  await insertAttachments(tx, messageId, a);
  await tx.query(
    `UPDATE messages SET status = 'processed', route = $2, analysis = $3::jsonb, lead_id = $4, processed_at = now(),
                         attempts = attempts + 1, error_code = NULL, error = NULL
     WHERE id = $1`,
    [messageId, route, pgJson(a), leadId],
  );
  audit.push({ actor: 'system', action: 'message.processed', leadId, messageId, detail: { route, category: a.category } });
  await writeAudit(tx, audit);

  const outboxIds = deps.onRouted ? await deps.onRouted(tx, { messageId, leadId, route, analysis: a, newLead }) : [];
  return { status: 'processed', route, leadId, newLead, outboxIds };
}

async function insertAttachments(tx: Queryable, messageId: number, a: Analysis): Promise<void> {
  if (a.attachments.length === 0) return;
  const values: unknown[] = [];
  const rows = a.attachments.map((att, i) => {
    const b = i * 6;
    values.push(messageId, i, pgText(att.filename), att.contentType, att.size, att.sha256);
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
  });
  await tx.query(
    `INSERT INTO message_attachments (message_id, position, filename, content_type, size, sha256) VALUES ${rows.join(', ')}
     ON CONFLICT (message_id, position) DO NOTHING`,
    values,
  );
}
