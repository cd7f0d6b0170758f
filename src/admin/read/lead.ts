import type { Queryable } from '../../store/db.js';

/**
 * Everything the lead page shows, in one round trip: the lead, its sources and their attachments, related
 * leads, scores (each and averaged), decisions, notes, corrections, and the replies sent or queued. Times
 * come as text, formatted by PostgreSQL.
 */
export interface LeadView {
  id: number;
  reference: string;
  status: string;
  route: string;
  category: string;
  predictedCategory: string;
  categories: Array<{ category: string; score: number }>;
  reasons: string[];
  language: string;
  subject: string | null;
  senderEmail: string | null;
  senderName: string | null;
  organisation: string | null;
  kvk: string | null;
  phone: string | null;
  website: string | null;
  quantities: Array<{ text: string }>;
  leadTime: { inStock: boolean; days: number | null; text: string | null } | null;
  certifications: string[];
  offerText: string;
  priority: number;
  duplicateOf: { id: number; reference: string } | null;
  claimedBy: string | null;
  /** when a live claim runs out, UTC, "HH:MM" */
  claimUntil: string | null;
  sources: Array<{
    messageId: number;
    kind: string;
    forwardedByEmail: string | null;
    forwardedByName: string | null;
    receivedAt: string;
    headerMessageId: string | null;
  }>;
  attachments: Array<{
    messageId: number;
    position: number;
    filename: string | null;
    contentType: string;
    size: number;
  }>;
  duplicates: Array<{ id: number; reference: string; status: string; organisation: string | null }>;
  sameSender: Array<{ id: number; reference: string; status: string; category: string }>;
  reviews: Array<{
    reviewer: string;
    capacity: number;
    lead_time: number;
    quality: number;
    credibility: number;
    price_fit: number;
    comment: string;
    scored_at: string;
  }>;
  /** decisions, notes and category corrections, oldest first */
  history: HistoryEntry[];
  /** replies the lead caused (the outbox, owned by the replies module), without their bodies */
  replies: Array<{
    template: string;
    state: string;
    toEmail: string | null;
    withheldReason: string | null;
    error: string | null;
    at: string;
  }>;
}

/**
 * The lead arrives as one JSON document (`row_to_json`) rather than 33 columns: node-postgres then decodes
 * one field with one JSON.parse instead of a string, parser and property per column and a JSON.parse per
 * list, which halved the client's CPU for this query (PostgreSQL's own cost is the same either way). Each
 * list is a subplan PostgreSQL sets up on every call, so decisions, notes and corrections come as one
 * history, and reviewers' addresses are looked up per entry rather than joined: the users table is too small
 * for autovacuum ever to analyze, and on its default estimate a join hashed it for every list (together
 * a fifth of the query's server time).
 */
export type HistoryEntry = { by: string; at: string } & (
  | { kind: 'decision'; decision: string; comment: string }
  | { kind: 'note'; body: string }
  | { kind: 'correction'; from: string; to: string }
);

export async function loadLead(q: Queryable, id: number): Promise<LeadView | null> {
  const res = await q.query<{ lead: LeadView }>({
    name: 'admin-lead-view',
    text: `SELECT row_to_json(v) AS lead FROM (SELECT l.id, l.reference, l.status, l.route, l.category, l.predicted_category AS "predictedCategory", l.categories, l.reasons,
       l.language, l.subject, l.sender_email AS "senderEmail", l.sender_name AS "senderName", l.organisation, l.kvk, l.phone,
       l.website, l.quantities, l.lead_time AS "leadTime", l.certifications, l.offer_text AS "offerText", l.priority,
       CASE WHEN l.claim_expires_at > now() THEN cu.email END AS "claimedBy",
       CASE WHEN l.claim_expires_at > now() THEN to_char(l.claim_expires_at AT TIME ZONE 'UTC', 'HH24:MI') END AS "claimUntil",
       (SELECT json_build_object('id', d.id, 'reference', d.reference) FROM leads d WHERE d.id = l.duplicate_of) AS "duplicateOf",
       (SELECT coalesce(json_agg(json_build_object('messageId', s.message_id, 'kind', s.kind, 'forwardedByEmail', s.forwarded_by_email,
                 'forwardedByName', s.forwarded_by_name, 'receivedAt', m.received_at, 'headerMessageId', m.message_id) ORDER BY s.added_at), '[]')
          FROM lead_sources s JOIN messages m ON m.id = s.message_id WHERE s.lead_id = l.id) AS sources,
       (SELECT coalesce(json_agg(json_build_object('messageId', a.message_id, 'position', a.position, 'filename', a.filename,
                 'contentType', a.content_type, 'size', a.size) ORDER BY a.message_id, a.position), '[]')
          FROM message_attachments a JOIN lead_sources s ON s.message_id = a.message_id WHERE s.lead_id = l.id) AS attachments,
       (SELECT coalesce(json_agg(json_build_object('id', d.id, 'reference', d.reference, 'status', d.status, 'organisation', d.organisation) ORDER BY d.id), '[]')
          FROM leads d WHERE d.duplicate_of = l.id) AS duplicates,
       (SELECT coalesce(json_agg(json_build_object('id', o.id, 'reference', o.reference, 'status', o.status, 'category', o.category) ORDER BY o.id), '[]')
          FROM (SELECT id, reference, status, category FROM leads o WHERE l.sender_email IS NOT NULL AND o.sender_email = l.sender_email AND o.id <> l.id ORDER BY id LIMIT 20) o) AS "sameSender",
       (SELECT coalesce(json_agg(json_build_object('reviewer', (SELECT u.email FROM users u WHERE u.id = r.reviewer_id), 'capacity', r.capacity,
                 'lead_time', r.lead_time, 'quality', r.quality, 'credibility', r.credibility, 'price_fit', r.price_fit, 'comment', r.comment,
                 'scored_at', r.scored_at) ORDER BY r.scored_at), '[]')
          FROM reviews r WHERE r.lead_id = l.id) AS reviews,
       (SELECT coalesce(json_agg(h.entry ORDER BY h.at), '[]') FROM (
            SELECT json_build_object('kind', 'decision', 'decision', d.decision, 'comment', d.comment, 'by', (SELECT u.email FROM users u WHERE u.id = d.decided_by), 'at', d.decided_at) AS entry,
                   d.decided_at AS at FROM decisions d WHERE d.lead_id = l.id
            UNION ALL SELECT json_build_object('kind', 'note', 'body', n.body, 'by', (SELECT u.email FROM users u WHERE u.id = n.author_id), 'at', n.created_at), n.created_at
                   FROM notes n WHERE n.lead_id = l.id
            UNION ALL SELECT json_build_object('kind', 'correction', 'from', c.from_category, 'to', c.to_category, 'by', (SELECT u.email FROM users u WHERE u.id = c.corrected_by),
                   'at', c.corrected_at), c.corrected_at FROM category_corrections c WHERE c.lead_id = l.id) h) AS history,
       (SELECT coalesce(json_agg(json_build_object('template', o.template, 'state', o.state, 'toEmail', o.to_email,
                 'withheldReason', o.withheld_reason, 'error', o.error,
                 'at', to_char(coalesce(o.sent_at, o.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')) ORDER BY o.id), '[]')
          FROM outbox o WHERE o.lead_id = l.id) AS replies
     FROM leads l LEFT JOIN users cu ON cu.id = l.claimed_by
     WHERE l.id = $1) v`,
    values: [id],
  });
  return res.rows[0]?.lead ?? null;
}

export interface RawSource {
  id: number;
  raw: Buffer;
}

/** The first source message: the mail as it reached the team. */
export async function leadRawMessage(q: Queryable, leadId: number): Promise<RawSource | null> {
  const res = await q.query<RawSource>(
    `SELECT m.id, m.raw FROM lead_sources s JOIN messages m ON m.id = s.message_id WHERE s.lead_id = $1 ORDER BY s.added_at, m.id LIMIT 1`,
    [leadId],
  );
  return res.rows[0] ?? null;
}

export interface AttachmentRow {
  filename: string | null;
  contentType: string;
  sha256: string;
  raw: Buffer;
}

export async function attachmentSource(
  q: Queryable,
  leadId: number,
  messageId: number,
  position: number,
): Promise<AttachmentRow | null> {
  const res = await q.query<AttachmentRow>(
    `SELECT a.filename, a.content_type AS "contentType", a.sha256, m.raw
     FROM message_attachments a JOIN lead_sources s ON s.message_id = a.message_id JOIN messages m ON m.id = a.message_id
     WHERE s.lead_id = $1 AND a.message_id = $2 AND a.position = $3`,
    [leadId, messageId, position],
  );
  return res.rows[0] ?? null;
}
