import type { Queryable } from '../store/db.js';
import type { Analysis } from '../core/types.js';
import { CANDIDATE_LIMIT, candidateLeads, leadsByMessageIds, type CandidateLead, type MessageIdHit, type SourceKind } from '../store/leads.js';
import { isSameOffer } from '../triage/dedupe.js';

/**
 * Finds the lead each analysed message of a batch belongs to, if any. Loaded inside the processing
 * transaction after `lockDedupeKeys` (so a second worker holding a forward of the same offer waits for the
 * first to commit and then finds its lead), with two queries for the whole batch; the messages are then
 * matched in order in memory, each seeing the leads and sources the earlier ones of the batch made, exactly
 * as if they had been processed one after another.
 */
export interface LeadMatch {
  leadId: number;
  kind: SourceKind;
  how: string;
}

export interface MatchInput {
  rowId: number;
  analysis: Analysis;
  fingerprint: string;
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
 * Transaction-scoped advisory locks on the keys of the whole batch, taken in one statement in sorted order,
 * so two workers cannot deadlock on them. PostgreSQL evaluates the volatile lock calls after the sort.
 */
export async function lockDedupeKeys(tx: Queryable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"', [[...new Set(keys)]]);
}

const pairKey = (senderEmail: string | null, fingerprint: string) => JSON.stringify([senderEmail, fingerprint]);
const RANK = { message: 0, lead: 1, outbox: 2 } as const;

export class BatchMatcher {
  private readonly hits = new Map<string, MessageIdHit[]>();
  private readonly candidates = new Map<string, CandidateLead[]>();
  private readonly created: CandidateLead[] = [];

  static async load(tx: Queryable, inputs: MatchInput[]): Promise<BatchMatcher> {
    const matcher = new BatchMatcher();
    const ids = new Set<string>();
    const pairs = new Map<string, { senderEmail: string | null; fingerprint: string }>();
    for (const { analysis: a, fingerprint } of inputs) {
      for (const id of [a.messageId, originalMessageIdOf(a), ...threadIds(a)]) if (id) ids.add(id);
      const senderEmail = a.sender?.email ?? null;
      pairs.set(pairKey(senderEmail, fingerprint), { senderEmail, fingerprint });
    }
    const keys = [...pairs.values()];
    const [hits, candidates] = [
      await leadsByMessageIds(tx, [...ids], inputs.map((i) => i.rowId)),
      await candidateLeads(tx, keys),
    ];
    for (const hit of hits) matcher.addHit(hit);
    for (const { key, ...lead } of candidates) {
      const k = pairKey(keys[key]!.senderEmail, keys[key]!.fingerprint);
      matcher.candidates.set(k, [...(matcher.candidates.get(k) ?? []), lead]);
    }
    return matcher;
  }

  find(input: MatchInput): LeadMatch | null {
    const a = input.analysis;
    if (a.messageId) {
      const leadId = this.first([a.messageId], ['message', 'lead']);
      if (leadId !== null) return { leadId, kind: 'duplicate', how: `same Message-ID ${a.messageId}` };
    }
    const original = originalMessageIdOf(a);
    if (original && original !== a.messageId) {
      const leadId = this.first([original], ['message', 'lead']);
      if (leadId !== null) return { leadId, kind: a.forwardedBy ? 'forward' : 'original', how: `same original Message-ID ${original}` };
    }
    const thread = threadIds(a);
    if (thread.length > 0) {
      // A company answering our acknowledgement quotes our Message-ID, which lives in the outbox.
      const leadId = this.first(thread, ['message', 'lead']) ?? this.first(thread, ['outbox']);
      if (leadId !== null) return { leadId, kind: 'reply', how: 'reply in the thread of the lead' };
    }
    const key = { senderEmail: a.sender?.email ?? null, originalMessageId: original, text: a.offerText };
    for (const lead of this.candidatesFor(key.senderEmail, input.fingerprint)) {
      if (isSameOffer(key, { senderEmail: lead.senderEmail, originalMessageId: lead.originalMessageId, text: lead.offerText })) {
        const how = lead.senderEmail === key.senderEmail ? `same sender ${key.senderEmail} and near-identical offer text` : 'identical offer text';
        return { leadId: lead.id, kind: a.forwardedBy ? 'forward' : 'original', how };
      }
    }
    return null;
  }

  /** The message now belongs to `leadId`: later messages of the batch with its Message-ID find that lead. */
  recordSource(input: MatchInput, leadId: number): void {
    if (input.analysis.messageId) this.addHit({ messageId: input.analysis.messageId, source: 'message', at: input.rowId, leadId });
  }

  recordLead(lead: CandidateLead): void {
    if (lead.originalMessageId) this.addHit({ messageId: lead.originalMessageId, source: 'lead', at: lead.id, leadId: lead.id });
    this.created.push(lead);
  }

  private addHit(hit: MessageIdHit): void {
    this.hits.set(hit.messageId, [...(this.hits.get(hit.messageId) ?? []), hit]);
  }

  /** Processed messages before leads' originals, each oldest first: the order the single-message queries had. */
  private first(ids: string[], sources: Array<MessageIdHit['source']>): number | null {
    let best: MessageIdHit | null = null;
    for (const id of ids) {
      for (const hit of this.hits.get(id) ?? []) {
        if (!sources.includes(hit.source)) continue;
        if (!best || RANK[hit.source] < RANK[best.source] || (RANK[hit.source] === RANK[best.source] && hit.at < best.at)) best = hit;
      }
    }
    return best?.leadId ?? null;
  }

  private candidatesFor(senderEmail: string | null, fingerprint: string): CandidateLead[] {
    const made = this.created.filter((l) => (senderEmail !== null && l.senderEmail === senderEmail) || l.fingerprint === fingerprint);
    const stored = this.candidates.get(pairKey(senderEmail, fingerprint)) ?? [];
    const byId = new Map([...stored, ...made].map((l) => [l.id, l]));
    return [...byId.values()].sort((x, y) => y.id - x.id).slice(0, CANDIDATE_LIMIT);
  }
}
