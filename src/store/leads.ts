import type { Queryable } from './db.js';
import type { Analysis, Route } from '../core/types.js';

/**
 * Leads and their sources. Everything here runs inside the processing transaction; the caller holds the
 * advisory locks on the dedupe keys, so a lookup followed by an insert cannot race another worker.
 */
export type SourceKind = 'original' | 'forward' | 'reply' | 'duplicate';

export interface NewLead {
  route: Exclude<Route, 'ignore'>;
  analysis: Analysis;
  originalMessageId: string | null;
  fingerprint: string;
  priority: number;
}

export interface LeadRef {
  id: number;
  reference: string;
}

/** "OT-000123": short enough to read out on the phone, and stable because it derives from the id. */
export function leadReference(id: number): string {
  return `OT-${String(id).padStart(6, '0')}`;
}

/** PostgreSQL text and jsonb cannot hold NUL; mail bodies sometimes do. */
export function pgText(s: string | null): string | null {
  return s === null ? null : s.replaceAll('\u0000', '');
}

export function pgJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v));
}

export async function insertLead(q: Queryable, lead: NewLead): Promise<LeadRef> {
  const a = lead.analysis;
  const category = a.category ?? 'other';
  const res = await q.query<LeadRef>(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('leads', 'id')) AS id)
     INSERT INTO leads (id, reference, status, route, category, predicted_category, categories, reasons, language,
                        subject, sender_email, sender_name, organisation, kvk, phone, website, quantities, lead_time,
                        certifications, original_message_id, fingerprint, offer_text, priority)
     SELECT n.id, 'OT-' || lpad(n.id::text, 6, '0'), $1, $2, $3, $3, $4::jsonb, $5::jsonb, $6,
            $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16, $17, $18, $19, $20
     FROM n
     RETURNING id, reference`,
    [
      lead.route === 'review' ? 'new' : 'redirected',
      lead.route,
      category,
      pgJson(a.categories),
      pgJson(a.reasons),
      a.language,
      pgText(a.subject),
      a.sender?.email ?? null,
      pgText(a.sender?.name ?? null),
      pgText(a.sender?.organisation ?? null),
      a.kvk,
      pgText(a.phone),
      pgText(a.website),
      pgJson(a.quantities),
      pgJson(a.leadTime),
      a.certifications,
      lead.originalMessageId,
      lead.fingerprint,
      pgText(a.offerText) ?? '',
      lead.priority,
    ],
  );
  return res.rows[0]!;
}

/** A later source can fill in what the first one lacked (a KvK number in the second association's forward). */
export async function enrichLead(q: Queryable, leadId: number, a: Analysis): Promise<void> {
  await q.query(
    `UPDATE leads SET kvk = coalesce(kvk, $2), phone = coalesce(phone, $3), website = coalesce(website, $4),
                      organisation = coalesce(organisation, $5), updated_at = now()
     WHERE id = $1`,
    [leadId, a.kvk, pgText(a.phone), pgText(a.website), pgText(a.sender?.organisation ?? null)],
  );
}

export async function addLeadSource(
  q: Queryable,
  src: { leadId: number; messageId: number; kind: SourceKind; forwardedBy: { email: string; name: string | null } | null },
): Promise<void> {
  await q.query(
    `INSERT INTO lead_sources (lead_id, message_id, kind, forwarded_by_email, forwarded_by_name)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
    [src.leadId, src.messageId, src.kind, src.forwardedBy?.email ?? null, pgText(src.forwardedBy?.name ?? null)],
  );
}

/** The lead of an already processed message with one of these Message-IDs, or of a lead whose original has one. */
export async function leadByMessageIds(q: Queryable, messageIds: string[], exceptMessage: number): Promise<number | null> {
  if (messageIds.length === 0) return null;
  const res = await q.query<{ lead_id: number }>(
    `SELECT lead_id FROM (
       SELECT lead_id, 0 AS rank, id AS at FROM messages
        WHERE message_id = ANY($1) AND lead_id IS NOT NULL AND id <> $2
       UNION ALL
       SELECT id, 1, id FROM leads WHERE original_message_id = ANY($1)
     ) m ORDER BY rank, at LIMIT 1`,
    [messageIds, exceptMessage],
  );
  return res.rows[0]?.lead_id ?? null;
}

export interface CandidateLead {
  id: number;
  senderEmail: string | null;
  originalMessageId: string | null;
  offerText: string;
}

/**
 * Open leads from the same sender, or with the same offer-text fingerprint, newest first: the candidates
 * for "the same offer, forwarded again". The caller decides with the triage rules which one, if any, it is.
 */
export async function candidateLeads(q: Queryable, senderEmail: string | null, fingerprint: string, limit = 50): Promise<CandidateLead[]> {
  const res = await q.query<CandidateLead>(
    `SELECT id, sender_email AS "senderEmail", original_message_id AS "originalMessageId", offer_text AS "offerText" FROM leads
     WHERE (sender_email = $1 OR fingerprint = $2) AND status <> 'duplicate' ORDER BY id DESC LIMIT $3`,
    [senderEmail, fingerprint, limit],
  );
  return res.rows;
}
