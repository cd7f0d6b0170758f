import type { Address, Analysis, Category, Language, LeadTime, Quantity } from '../core/types.js';
import type { Queryable } from '../store/db.js';
import { OfferTriageError } from '../errors.js';

/** Everything a reply to one lead is composed from: the lead row and the message that caused it. */
export interface LeadContext {
  leadId: number;
  reference: string;
  language: Language;
  category: Category;
  subject: string | null;
  sender: Address | null;
  organisation: string | null;
  originalMessageId: string | null;
  phone: string | null;
  website: string | null;
  kvk: string | null;
  quantities: Quantity[];
  leadTime: LeadTime | null;
  certifications: string[];
  offerText: string;
  forwarder: Address | null;
  /** the stored raw message the lead came from (attached to ministry forwards) */
  sourceMessageId: number | null;
  analysis: Analysis | null;
}

interface LeadRow {
  id: number;
  reference: string;
  language: Language;
  category: Category;
  subject: string | null;
  sender_email: string | null;
  sender_name: string | null;
  organisation: string | null;
  original_message_id: string | null;
  phone: string | null;
  website: string | null;
  kvk: string | null;
  quantities: Quantity[];
  lead_time: LeadTime | null;
  certifications: string[];
  offer_text: string;
}

interface SourceRow {
  id: number;
  analysis: Analysis | null;
  forwarded_by_email: string | null;
  forwarded_by_name: string | null;
}

const LEAD_COLUMNS = `id, reference, language, category, subject, sender_email, sender_name, organisation, original_message_id,
              phone, website, kvk, quantities, lead_time, certifications, offer_text`;

/** The message being routed, when the caller has it in hand (the routing transaction may not have written lead_sources yet). */
export interface RoutedSource {
  messageId: number;
  analysis: Analysis;
}

/** Without `source`, the lead's original source message is read. */
export async function loadLeadContext(q: Queryable, leadId: number, source?: RoutedSource): Promise<LeadContext> {
  const lead = (await q.query<LeadRow>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = $1`, [leadId])).rows[0];
  if (!lead) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${leadId}`, { permanent: true });

  const row = source
    ? fromSource(source)
    : (
        await q.query<SourceRow>(
          `SELECT m.id, m.analysis, ls.forwarded_by_email, ls.forwarded_by_name
             FROM messages m LEFT JOIN lead_sources ls ON ls.message_id = m.id
            WHERE m.lead_id = $1 OR ls.lead_id = $1
            ORDER BY (ls.kind = 'original') DESC NULLS LAST, m.id
            LIMIT 1`,
          [leadId],
        )
      ).rows[0];
  return contextOf(lead, row);
}

/** The contexts of many routed messages in one query: one per entry of `routed`, in its order. */
export async function loadRoutedContexts(q: Queryable, routed: Array<RoutedSource & { leadId: number }>): Promise<LeadContext[]> {
  if (routed.length === 0) return [];
  const ids = [...new Set(routed.map((r) => r.leadId))];
  const rows = (await q.query<LeadRow>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ANY($1)`, [ids])).rows;
  const leads = new Map(rows.map((l) => [l.id, l]));
  return routed.map((r) => {
    const lead = leads.get(r.leadId);
    if (!lead) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${r.leadId}`, { permanent: true });
    return contextOf(lead, fromSource(r));
  });
}

function fromSource(source: RoutedSource): SourceRow {
  return { id: source.messageId, analysis: source.analysis, forwarded_by_email: null, forwarded_by_name: null };
}

function contextOf(lead: LeadRow, row: SourceRow | undefined): LeadContext {
  const forwarderEmail = row?.analysis?.forwardedBy?.email ?? row?.forwarded_by_email ?? null;
  return {
    leadId: lead.id,
    reference: lead.reference,
    language: lead.language,
    category: lead.category,
    subject: lead.subject,
    sender: lead.sender_email ? { email: lead.sender_email, name: lead.sender_name } : null,
    organisation: lead.organisation,
    originalMessageId: lead.original_message_id,
    phone: lead.phone,
    website: lead.website,
    kvk: lead.kvk,
    quantities: lead.quantities,
    leadTime: lead.lead_time,
    certifications: lead.certifications,
    offerText: lead.offer_text,
    forwarder: forwarderEmail ? { email: forwarderEmail, name: row?.analysis?.forwardedBy?.name ?? row?.forwarded_by_name ?? null } : null,
    sourceMessageId: row?.id ?? null,
    analysis: row?.analysis ?? null,
  };
}
