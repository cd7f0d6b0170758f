import type { Queryable } from './db.js';
import type { Analysis, Route } from '../core/types.js';

/**
 * Leads and their sources, written a batch at a time. Everything here runs inside the processing
 * transaction; the caller holds the advisory locks on the dedupe keys of the whole batch, so the lookups
 * followed by the inserts cannot race another worker. Rows travel as one jsonb array each
 * (`jsonb_to_recordset`): one round trip and one statement text per batch, whatever its size.
 */
export type SourceKind = 'original' | 'forward' | 'reply' | 'duplicate';

export interface NewLead {
  id: number;
  route: Exclude<Route, 'ignore'>;
  analysis: Analysis;
  originalMessageId: string | null;
  fingerprint: string;
  priority: number;
}

/** What a later source of the same lead adds where the lead has nothing (a KvK number in the second forward). */
export interface LeadEnrichment {
  kvk: string | null;
  phone: string | null;
  website: string | null;
  organisation: string | null;
}

export interface NewLeadSource {
  leadId: number;
  messageId: number;
  kind: SourceKind;
  forwardedBy: { email: string; name: string | null } | null;
}

/** "OT-000123": short enough to read out on the phone, and stable because it derives from the id. */
export function leadReference(id: number): string {
  return `OT-${String(id).padStart(6, '0')}`;
}

/** PostgreSQL text and jsonb cannot hold NUL; mail bodies sometimes do. */
export function pgJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v));
}

export function enrichmentOf(a: Analysis): LeadEnrichment {
  return { kvk: a.kvk, phone: a.phone, website: a.website, organisation: a.sender?.organisation ?? null };
}

/** Ids for the leads a batch will create, taken up front so later messages of the batch can join them. */
export async function reserveLeadIds(q: Queryable, count: number): Promise<number[]> {
  if (count === 0) return [];
  const res = await q.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('leads', 'id')) AS id FROM generate_series(1, $1)", [count]);
  return res.rows.map((r) => r.id).sort((a, b) => a - b);
}

/** `enrich` holds what later messages of the same batch added, applied as `enrichLeads` would have. */
export async function insertLeads(q: Queryable, leads: Array<{ lead: NewLead; enrich: LeadEnrichment }>): Promise<void> {
  if (leads.length === 0) return;
  const rows = leads.map(({ lead, enrich }) => {
    const a = lead.analysis;
    return {
      id: lead.id,
      reference: leadReference(lead.id),
      status: lead.route === 'review' ? 'new' : 'redirected',
      route: lead.route,
      category: a.category ?? 'other',
      categories: a.categories,
      reasons: a.reasons,
      language: a.language,
      subject: a.subject,
      sender_email: a.sender?.email ?? null,
      sender_name: a.sender?.name ?? null,
      organisation: enrich.organisation,
      kvk: enrich.kvk,
      phone: enrich.phone,
      website: enrich.website,
      quantities: a.quantities,
      lead_time: a.leadTime,
      certifications: a.certifications,
      original_message_id: lead.originalMessageId,
      fingerprint: lead.fingerprint,
      offer_text: a.offerText ?? '',
      priority: lead.priority,
    };
  });
  await q.query(
    `INSERT INTO leads (id, reference, status, route, category, predicted_category, categories, reasons, language,
                        subject, sender_email, sender_name, organisation, kvk, phone, website, quantities, lead_time,
                        certifications, original_message_id, fingerprint, offer_text, priority)
     SELECT id, reference, status, route, category, category, categories, reasons, language,
            subject, sender_email, sender_name, organisation, kvk, phone, website, quantities, lead_time,
            certifications, original_message_id, fingerprint, offer_text, priority
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, reference text, status text, route text, category text,
            categories jsonb, reasons jsonb, language text, subject text, sender_email text, sender_name text,
            organisation text, kvk text, phone text, website text, quantities jsonb, lead_time jsonb,
            certifications text[], original_message_id text, fingerprint text, offer_text text, priority real)`,
    [pgJson(rows)],
  );
}

/** Fills in only what each lead lacks; a lead that gains nothing is not rewritten. */
export async function enrichLeads(q: Queryable, enrichments: Map<number, LeadEnrichment>): Promise<void> {
  const rows = [...enrichments].filter(([, e]) => e.kvk ?? e.phone ?? e.website ?? e.organisation).map(([id, e]) => ({ id, ...e }));
  if (rows.length === 0) return;
  await q.query(
    `UPDATE leads l SET kvk = coalesce(l.kvk, e.kvk), phone = coalesce(l.phone, e.phone), website = coalesce(l.website, e.website),
                        organisation = coalesce(l.organisation, e.organisation), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS e(id bigint, kvk text, phone text, website text, organisation text)
      WHERE l.id = e.id
        AND ((l.kvk IS NULL AND e.kvk IS NOT NULL) OR (l.phone IS NULL AND e.phone IS NOT NULL)
          OR (l.website IS NULL AND e.website IS NOT NULL) OR (l.organisation IS NULL AND e.organisation IS NOT NULL))`,
    [pgJson(rows.sort((a, b) => a.id - b.id))],
  );
}

export async function addLeadSources(q: Queryable, sources: NewLeadSource[]): Promise<void> {
  if (sources.length === 0) return;
  const rows = sources.map((s) => ({
    lead_id: s.leadId,
    message_id: s.messageId,
    kind: s.kind,
    forwarded_by_email: s.forwardedBy?.email ?? null,
    forwarded_by_name: s.forwardedBy?.name ?? null,
  }));
  await q.query(
    `INSERT INTO lead_sources (lead_id, message_id, kind, forwarded_by_email, forwarded_by_name)
     SELECT lead_id, message_id, kind, forwarded_by_email, forwarded_by_name
       FROM jsonb_to_recordset($1::jsonb) AS r(lead_id bigint, message_id bigint, kind text, forwarded_by_email text, forwarded_by_name text)
     ON CONFLICT (message_id) DO NOTHING`,
    [pgJson(rows)],
  );
}

/** Where a Message-ID already leads: a processed message (rank 0), a lead's original (rank 1), our own reply (outbox). */
export interface MessageIdHit {
  messageId: string;
  source: 'message' | 'lead' | 'outbox';
  /** the row id the original single-message queries ordered by */
  at: number;
  leadId: number;
}

/** The first hit per Message-ID and source, for every id the batch mentions, in one round trip. */
export async function leadsByMessageIds(q: Queryable, messageIds: string[], exceptMessages: number[]): Promise<MessageIdHit[]> {
  if (messageIds.length === 0) return [];
  const res = await q.query<MessageIdHit>(
    `(SELECT DISTINCT ON (message_id) message_id AS "messageId", 'message' AS source, id AS at, lead_id AS "leadId" FROM messages
       WHERE message_id = ANY($1) AND lead_id IS NOT NULL AND id <> ALL($2) ORDER BY message_id, id)
     UNION ALL
     (SELECT original_message_id, 'lead', id, id FROM leads WHERE original_message_id = ANY($1))
     UNION ALL
     (SELECT DISTINCT ON (message_id) message_id, 'outbox', id, lead_id FROM outbox WHERE message_id = ANY($1) ORDER BY message_id, id)`,
    [messageIds, exceptMessages],
  );
  return res.rows;
}

export interface CandidateLead {
  id: number;
  senderEmail: string | null;
  originalMessageId: string | null;
  offerText: string;
  fingerprint: string | null;
}

export const CANDIDATE_LIMIT = 50;

/**
 * For each (sender, fingerprint) pair: open leads from the same sender, or with the same offer-text
 * fingerprint, newest first: the candidates for "the same offer, forwarded again". The caller decides with
 * the triage rules which one, if any, it is.
 */
export async function candidateLeads(q: Queryable, keys: Array<{ senderEmail: string | null; fingerprint: string }>): Promise<Array<CandidateLead & { key: number }>> {
  if (keys.length === 0) return [];
  const res = await q.query<CandidateLead & { key: number }>(
    `SELECT k.i::int - 1 AS key, l.id, l.sender_email AS "senderEmail", l.original_message_id AS "originalMessageId",
            l.offer_text AS "offerText", l.fingerprint
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(sender, fingerprint, i)
       CROSS JOIN LATERAL (
         SELECT id, sender_email, original_message_id, offer_text, fingerprint FROM leads
          WHERE (sender_email = k.sender OR fingerprint = k.fingerprint) AND status <> 'duplicate'
          ORDER BY id DESC LIMIT $3) l`,
    [keys.map((k) => k.senderEmail), keys.map((k) => k.fingerprint), CANDIDATE_LIMIT],
  );
  return res.rows;
}
