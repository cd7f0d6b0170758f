import type { Queryable } from '../store/db.js';
import type { Analysis } from '../core/types.js';
import { candidateLeads, leadByMessageIds, type SourceKind } from '../store/leads.js';
import { isSameOffer } from '../triage/dedupe.js';

/**
 * Finds the lead an analysed message belongs to, if any. Called inside the processing transaction after
 * `lockDedupeKeys`, so a second worker holding a forward of the same offer waits for the first to commit and
 * then finds its lead instead of making another.
 */
export interface LeadMatch {
  leadId: number;
  kind: SourceKind;
  how: string;
}

const MAX_THREAD_IDS = 20;

/** The company's own Message-ID: the forwarded original's, or the message's when the company wrote directly. */
export function originalMessageIdOf(a: Analysis): string | null {
  return a.originalMessageId ?? (a.forwardedBy === null ? a.messageId : null);
}

function threadIds(a: Analysis): string[] {
  const ids = [...(a.inReplyTo ? [a.inReplyTo] : []), ...a.references.slice().reverse()];
  return [...new Set(ids)].slice(0, MAX_THREAD_IDS);
}

export function dedupeKeys(a: Analysis, fingerprint: string): string[] {
  const keys = new Set<string>();
  if (a.messageId) keys.add(`mid:${a.messageId}`);
  const original = originalMessageIdOf(a);
  if (original) keys.add(`mid:${original}`);
  for (const id of threadIds(a)) keys.add(`mid:${id}`);
  if (a.sender?.email) keys.add(`sender:${a.sender.email}`);
  keys.add(`text:${fingerprint}`);
  return [...keys].sort();
}

/**
 * Transaction-scoped advisory locks, always taken in sorted order so two workers cannot deadlock. One round
 * trip: PostgreSQL evaluates the volatile lock calls after the sort.
 */
export async function lockDedupeKeys(tx: Queryable, keys: string[]): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"', [[...new Set(keys)]]);
}

export async function findLead(tx: Queryable, a: Analysis, fingerprint: string, messageRowId: number): Promise<LeadMatch | null> {
  if (a.messageId) {
    const leadId = await leadByMessageIds(tx, [a.messageId], messageRowId);
    if (leadId !== null) return { leadId, kind: 'duplicate', how: `same Message-ID ${a.messageId}` };
  }
  const original = originalMessageIdOf(a);
  if (original && original !== a.messageId) {
    const leadId = await leadByMessageIds(tx, [original], messageRowId);
    if (leadId !== null) return { leadId, kind: a.forwardedBy ? 'forward' : 'original', how: `same original Message-ID ${original}` };
  }
  const thread = threadIds(a);
  if (thread.length > 0) {
    const leadId = (await leadByMessageIds(tx, thread, messageRowId)) ?? (await leadByOutboxReply(tx, thread));
    if (leadId !== null) return { leadId, kind: 'reply', how: 'reply in the thread of the lead' };
  }
  const key = { senderEmail: a.sender?.email ?? null, originalMessageId: original, text: a.offerText };
  for (const lead of await candidateLeads(tx, key.senderEmail, fingerprint)) {
    if (isSameOffer(key, { senderEmail: lead.senderEmail, originalMessageId: lead.originalMessageId, text: lead.offerText })) {
      const how = lead.senderEmail === key.senderEmail ? `same sender ${key.senderEmail} and near-identical offer text` : 'identical offer text';
      return { leadId: lead.id, kind: a.forwardedBy ? 'forward' : 'original', how };
    }
  }
  return null;
}

/** A company answering our acknowledgement quotes our Message-ID, which lives in the outbox. */
async function leadByOutboxReply(tx: Queryable, ids: string[]): Promise<number | null> {
  const res = await tx.query<{ lead_id: number }>('SELECT lead_id FROM outbox WHERE message_id = ANY($1) ORDER BY id LIMIT 1', [ids]);
  return res.rows[0]?.lead_id ?? null;
}
