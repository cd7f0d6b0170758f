import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import type { AnalyseBatch } from '../core/analyse.js';
import type { Route } from '../core/types.js';
import type { OnRouted } from './events.js';
import { describeError } from '../errors.js';
import { recordBatch, type Analysed } from './record.js';

/**
 * Turns stored messages into their end state: the lead (new or joined), its source row, attachments, the
 * message's route and analysis, audit rows and whatever the routing hook adds (outbox replies), all of a
 * batch in one transaction. Idempotent: a message that is no longer pending is skipped, so an at-least-once
 * job queue, a retry after a crash, or two workers racing all end in the same state.
 *
 * Failures stay per message: a message the core cannot read fails alone before the transaction, and when
 * the batch's transaction fails (data PostgreSQL rejects, a hook error, a deadlock) it is rolled back and
 * every message is recorded again in a transaction of its own, so only the culprit fails.
 */
export interface ProcessDeps {
  db: Db;
  log: Logger;
  /** the core over a batch's raw messages (analyseBatch; tests put a stand-in here) */
  analyse: AnalyseBatch;
  onRouted?: OnRouted;
  /** called after commit with the outbox ids the hook created */
  enqueueSend?: (outboxIds: number[]) => Promise<void>;
}

export type ProcessOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'processed'; route: Route; leadId: number | null; newLead: boolean; outboxIds: number[] };

export type BatchResult = ProcessOutcome | { status: 'failed'; error: unknown };

export async function processMessage(deps: ProcessDeps, messageId: number): Promise<ProcessOutcome> {
  const result = (await processBatch(deps, [messageId])).get(messageId)!;
  if (result.status === 'failed') throw result.error;
  return result;
}

export async function processBatch(deps: ProcessDeps, messageIds: number[]): Promise<Map<number, BatchResult>> {
  const ids = [...new Set(messageIds)].sort((a, b) => a - b);
  const results = new Map<number, BatchResult>(ids.map((id) => [id, { status: 'skipped', reason: 'no such message' }]));
  const { rows } = await deps.db.query<{ id: number; raw: Buffer; status: string }>('SELECT id, raw, status FROM messages WHERE id = ANY($1) ORDER BY id', [ids]);
  const pending = rows.filter((row) => {
    if (row.status === 'pending') return true;
    results.set(row.id, { status: 'skipped', reason: `status ${row.status}` });
    return false;
  });
  const analyses = await deps.analyse(pending.map((row) => row.raw));
  const analysed: Analysed[] = [];
  pending.forEach((row, i) => {
    const result = analyses[i]!;
    if (result.ok) analysed.push({ messageId: row.id, analysis: result.value });
    else results.set(row.id, { status: 'failed', error: result.error });
  });
  if (analysed.length === 0) return results;
  try {
    await recordInTransaction(deps, analysed, results);
  } catch (error) {
    if (analysed.length === 1) {
      results.set(analysed[0]!.messageId, { status: 'failed', error });
      return results;
    }
    deps.log.warn({ messageIds: analysed.map((i) => i.messageId), err: describeError(error) }, 'batch rolled back; recording its messages one by one');
    for (const item of analysed) {
      await recordInTransaction(deps, [item], results).catch((err: unknown) => results.set(item.messageId, { status: 'failed', error: err }));
    }
  }
  return results;
}

async function recordInTransaction(deps: ProcessDeps, items: Analysed[], results: Map<number, BatchResult>): Promise<void> {
  const outcomes = await deps.db.transaction(async (tx) => {
    // Lock the rows in id order: a second worker holding some of the same messages waits here, then sees
    // them processed and skips them.
    const locked = await tx.query<{ id: number; status: string }>('SELECT id, status FROM messages WHERE id = ANY($1) ORDER BY id FOR UPDATE', [
      items.map((i) => i.messageId),
    ]);
    const status = new Map(locked.rows.map((r) => [r.id, r.status]));
    const skipped = new Map<number, ProcessOutcome>();
    for (const item of items) {
      const s = status.get(item.messageId);
      if (s !== 'pending') skipped.set(item.messageId, { status: 'skipped', reason: `status ${s ?? 'gone'}` });
    }
    const recorded = await recordBatch(tx, items.filter((i) => !skipped.has(i.messageId)), deps.onRouted);
    return { skipped, recorded };
  });
  for (const [id, outcome] of outcomes.skipped) results.set(id, outcome);
  for (const { messageId, ...r } of outcomes.recorded) results.set(messageId, { status: 'processed', ...r });
  const outboxIds = outcomes.recorded.flatMap((r) => r.outboxIds);
  if (outboxIds.length > 0 && deps.enqueueSend) {
    // Committed already: a lost nudge leaves the replies pending in the outbox, where `run --once` finds them.
    await deps.enqueueSend(outboxIds).catch((err: unknown) => deps.log.error({ outboxIds, err: describeError(err) }, 'send jobs not enqueued'));
  }
}
