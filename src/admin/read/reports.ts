import type { Queryable } from '../../store/db.js';

/** Read models for the coordinator's reports and exports. */
export async function categoryStatusMatrix(
  q: Queryable,
): Promise<Array<{ category: string; status: string; n: number }>> {
  const res = await q.query<{ category: string; status: string; n: number }>(
    'SELECT category, status, count(*)::int AS n FROM leads GROUP BY category, status ORDER BY category, status',
  );
  return res.rows;
}

export interface DayRow {
  day: string;
  received: number;
  decided: Record<string, number>;
}

export async function perDay(q: Queryable, days: number): Promise<DayRow[]> {
  const res = await q.query<DayRow>(
    `WITH span AS (SELECT generate_series(current_date - ($1::int - 1), current_date, interval '1 day')::date AS day)
     SELECT to_char(span.day, 'YYYY-MM-DD') AS day,
            (SELECT count(*)::int FROM leads l WHERE l.created_at >= span.day AND l.created_at < span.day + 1) AS received,
            (SELECT coalesce(json_object_agg(d.decision, d.n), '{}') FROM
               (SELECT decision, count(*)::int AS n FROM decisions WHERE decided_at >= span.day AND decided_at < span.day + 1 GROUP BY decision) d) AS decided
     FROM span ORDER BY span.day DESC`,
    [days],
  );
  return res.rows;
}

export interface ShortlistRow {
  id: number;
  reference: string;
  status: string;
  category: string;
  organisation: string | null;
  senderName: string | null;
  senderEmail: string | null;
  phone: string | null;
  website: string | null;
  kvk: string | null;
  forwarders: string[];
  quantities: string[];
  leadTime: string | null;
  certifications: string[];
  averageScore: number | null;
  reviewers: number;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

/** Leads with the given statuses (the shortlist by default), best average score first. */
export async function shortlist(q: Queryable, statuses: string[]): Promise<ShortlistRow[]> {
  const res = await q.query<ShortlistRow>(
    `SELECT l.id, l.reference, l.status, l.category, l.organisation, l.sender_name AS "senderName", l.sender_email AS "senderEmail",
            l.phone, l.website, l.kvk, l.certifications,
            ARRAY(SELECT DISTINCT s.forwarded_by_email FROM lead_sources s WHERE s.lead_id = l.id AND s.forwarded_by_email IS NOT NULL) AS forwarders,
            ARRAY(SELECT x->>'text' FROM jsonb_array_elements(l.quantities) x) AS quantities,
            l.lead_time->>'text' AS "leadTime",
            r.avg AS "averageScore", coalesce(r.n, 0)::int AS reviewers,
            d.email AS "decidedBy", d.decided_at AS "decidedAt", d.comment AS "decisionComment"
     FROM leads l
     LEFT JOIN LATERAL (SELECT round(avg((capacity + lead_time + quality + credibility + price_fit) / 5.0), 1)::float8 AS avg, count(*) AS n
                        FROM reviews WHERE lead_id = l.id) r ON true
     LEFT JOIN LATERAL (SELECT u.email, dd.decided_at, dd.comment FROM decisions dd JOIN users u ON u.id = dd.decided_by
                        WHERE dd.lead_id = l.id ORDER BY dd.decided_at DESC LIMIT 1) d ON true
     WHERE l.status = ANY($1)
     ORDER BY r.avg DESC NULLS LAST, l.priority DESC, l.id`,
    [statuses],
  );
  return res.rows;
}

export interface CategoryFacts {
  category: string;
  leads: number;
  certifications: Array<{ name: string; n: number }>;
  quantities: string[];
  texts: string[];
}

/** Per category: lead count, certifications named, sample quantities, and offer texts for keyword snippets. */
export async function categoryFacts(q: Queryable, textsPerCategory: number): Promise<CategoryFacts[]> {
  const res = await q.query<CategoryFacts>(
    `SELECT c.category, c.leads,
       (SELECT coalesce(json_agg(json_build_object('name', x.cert, 'n', x.n) ORDER BY x.n DESC, x.cert), '[]') FROM
          (SELECT cert, count(*)::int AS n FROM leads l, unnest(l.certifications) cert WHERE l.category = c.category GROUP BY cert ORDER BY n DESC, cert LIMIT 20) x) AS certifications,
       ARRAY(SELECT q->>'text' FROM leads l, jsonb_array_elements(l.quantities) q WHERE l.category = c.category
             ORDER BY l.priority DESC, l.id LIMIT 10) AS quantities,
       ARRAY(SELECT l.offer_text FROM leads l WHERE l.category = c.category AND l.offer_text <> ''
             ORDER BY l.priority DESC, l.id LIMIT $1) AS texts
     FROM (SELECT category, count(*)::int AS leads FROM leads GROUP BY category) c
     ORDER BY c.category`,
    [textsPerCategory],
  );
  return res.rows;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  leadId: number | null;
  messageId: number | null;
  detail: Record<string, unknown>;
}

export async function auditPage(
  q: Queryable,
  f: { actor?: string; leadId?: number; beforeId?: number },
  limit: number,
): Promise<AuditRow[]> {
  const res = await q.query<AuditRow>(
    `SELECT id, at, actor, action, lead_id AS "leadId", message_id AS "messageId", detail FROM audit_log
     WHERE ($1::text IS NULL OR actor = $1) AND ($2::bigint IS NULL OR lead_id = $2) AND ($3::bigint IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [f.actor ?? null, f.leadId ?? null, f.beforeId ?? null, limit],
  );
  return res.rows;
}

export interface QuarantinedRow {
  id: number;
  messageId: string | null;
  size: number;
  receivedAt: Date;
  attempts: number;
  errorCode: string | null;
  error: string | null;
}

export async function quarantined(q: Queryable, limit: number): Promise<QuarantinedRow[]> {
  const res = await q.query<QuarantinedRow>(
    `SELECT id, message_id AS "messageId", size, received_at AS "receivedAt", attempts, error_code AS "errorCode", error
     FROM messages WHERE status = 'quarantined' ORDER BY received_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return res.rows;
}
