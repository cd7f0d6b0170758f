import type pg from 'pg';
import type { Analysis, Route } from '../core/types.js';
import type { OnRouted } from './events.js';
import { writeAudit, type AuditEntry } from '../store/audit.js';
import {
  addLeadSources,
  enrichLeads,
  enrichmentOf,
  insertLeads,
  leadReference,
  pgJson,
  reserveLeadIds,
  type LeadEnrichment,
  type NewLead,
  type NewLeadSource,
} from '../store/leads.js';
import { textFingerprint } from '../triage/dedupe.js';
import { BatchMatcher, dedupeKeys, lockDedupeKeys, originalMessageIdOf, type MatchInput } from './match.js';
import { leadPriority } from './priority.js';

/**
 * Records a batch of analysed messages inside one transaction, with a fixed number of statements per batch:
 * match every message in order in memory, then write the leads, their enrichments, sources, attachments, the
 * messages' end state and the audit rows as one multi-row statement each, then run the routing hook once
 * for the whole batch. The caller has locked the message rows.
 */
export interface Analysed {
  messageId: number;
  analysis: Analysis;
}

export interface Recorded {
  messageId: number;
  route: Route;
  leadId: number | null;
  newLead: boolean;
  /** outbox rows the routing hook created for this message, to be nudged onto the send queue after commit */
  outboxIds: number[];
}

const PENDING_ID = 2 ** 52;

interface Plan extends Recorded {
  input: MatchInput;
}

export async function recordBatch(tx: pg.PoolClient, items: Analysed[], onRouted?: OnRouted): Promise<Recorded[]> {
  if (items.length === 0) return [];
  const inputs = items.map((i) => ({ rowId: i.messageId, analysis: i.analysis, fingerprint: textFingerprint(i.analysis.offerText) }));
  const routed = inputs.filter((i) => i.analysis.route !== 'ignore');
  await lockDedupeKeys(tx, routed.flatMap((i) => dedupeKeys(i.analysis, i.fingerprint)));
  const matcher = await BatchMatcher.load(tx, routed);

  const audit: AuditEntry[] = [];
  const sources: NewLeadSource[] = [];
  const created = new Map<number, { lead: NewLead; enrich: LeadEnrichment }>();
  const enrich = new Map<number, LeadEnrichment>();
  const plans: Plan[] = inputs.map((input) => {
    const a = input.analysis;
    const route = a.route;
    if (route === 'ignore') return { input, messageId: input.rowId, route, leadId: null, newLead: false, outboxIds: [] };
    const match = matcher.find(input);
    if (match) {
      const leadId = match.leadId;
      const target = created.get(leadId)?.enrich ?? enrich.get(leadId) ?? emptyEnrichment();
      addEnrichment(target, enrichmentOf(a));
      if (!created.has(leadId)) enrich.set(leadId, target);
      sources.push({ leadId, messageId: input.rowId, kind: match.kind, forwardedBy: a.forwardedBy });
      audit.push({ actor: 'system', action: 'lead.source_added', leadId, messageId: input.rowId, detail: { kind: match.kind, how: match.how } });
      matcher.recordSource(input, leadId);
      return { input, messageId: input.rowId, route, leadId, newLead: false, outboxIds: [] };
    }
    // A stand-in id above every real one until the ids are reserved: the batch's own leads are the newest.
    const lead: NewLead = { id: PENDING_ID + created.size, route, analysis: a, originalMessageId: originalMessageIdOf(a), fingerprint: input.fingerprint, priority: leadPriority(a) };
    created.set(lead.id, { lead, enrich: enrichmentOf(a) });
    sources.push({ leadId: lead.id, messageId: input.rowId, kind: a.forwardedBy ? 'forward' : 'original', forwardedBy: a.forwardedBy });
    audit.push({ actor: 'system', action: 'lead.created', leadId: lead.id, messageId: input.rowId, detail: { route, category: a.category } });
    matcher.recordLead({ id: lead.id, senderEmail: a.sender?.email ?? null, originalMessageId: lead.originalMessageId, offerText: a.offerText, fingerprint: input.fingerprint });
    matcher.recordSource(input, lead.id);
    return { input, messageId: input.rowId, route, leadId: lead.id, newLead: true, outboxIds: [] };
  });

  const reserved = await reserveLeadIds(tx, created.size);
  const real = (id: number | null | undefined) => (id != null && id >= PENDING_ID ? reserved[id - PENDING_ID]! : (id ?? null));
  for (const { lead } of created.values()) lead.id = real(lead.id)!;
  for (const s of sources) s.leadId = real(s.leadId)!;
  for (const p of plans) p.leadId = real(p.leadId);
  for (const e of audit) {
    e.leadId = real(e.leadId);
    if (e.action === 'lead.created') e.detail = { reference: leadReference(e.leadId!), ...e.detail };
  }

  await insertLeads(tx, [...created.values()]);
  await enrichLeads(tx, enrich);
  await addLeadSources(tx, sources);
  await insertAttachments(tx, items);
  await markProcessed(tx, plans);
  for (const p of plans) audit.push({ actor: 'system', action: 'message.processed', leadId: p.leadId, messageId: p.messageId, detail: { route: p.route, category: p.input.analysis.category } });
  await writeAudit(tx, orderByMessage(audit));

  if (onRouted) {
    const outboxIds = await onRouted(tx, plans.map((p) => ({ messageId: p.messageId, leadId: p.leadId, route: p.route, analysis: p.input.analysis, newLead: p.newLead })));
    plans.forEach((p, i) => (p.outboxIds = outboxIds[i] ?? []));
  }
  return plans.map(({ input: _input, ...recorded }) => recorded);
}

function emptyEnrichment(): LeadEnrichment {
  return { kvk: null, phone: null, website: null, organisation: null };
}

/** coalesce, in message order: the first message that knows a value supplies it. */
function addEnrichment(target: LeadEnrichment, more: LeadEnrichment): void {
  target.kvk ??= more.kvk;
  target.phone ??= more.phone;
  target.website ??= more.website;
  target.organisation ??= more.organisation;
}

/** Each message's rows together, in the order the single-message handler wrote them. */
function orderByMessage(entries: AuditEntry[]): AuditEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((x, y) => (x.e.messageId ?? 0) - (y.e.messageId ?? 0) || x.i - y.i).map((x) => x.e);
}

async function insertAttachments(tx: pg.PoolClient, items: Analysed[]): Promise<void> {
  const rows = items.flatMap((item) =>
    item.analysis.attachments.map((att, position) => ({ message_id: item.messageId, position, filename: att.filename, content_type: att.contentType, size: att.size, sha256: att.sha256 })),
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO message_attachments (message_id, position, filename, content_type, size, sha256)
     SELECT message_id, position, filename, content_type, size, sha256
       FROM jsonb_to_recordset($1::jsonb) AS r(message_id bigint, position integer, filename text, content_type text, size integer, sha256 text)
     ON CONFLICT (message_id, position) DO NOTHING`,
    [pgJson(rows)],
  );
}

async function markProcessed(tx: pg.PoolClient, plans: Plan[]): Promise<void> {
  const rows = plans.map((p) => ({ id: p.messageId, route: p.route, analysis: p.input.analysis, lead_id: p.leadId }));
  await tx.query(
    `UPDATE messages m SET status = 'processed', route = r.route, analysis = r.analysis, lead_id = r.lead_id, processed_at = now(),
                           attempts = m.attempts + 1, error_code = NULL, error = NULL
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, route text, analysis jsonb, lead_id bigint)
      WHERE m.id = r.id`,
    [pgJson(rows)],
  );
}
