import type { Category } from '../core/types.js';
import type { Decision, OnDecided } from '../pipeline/events.js';
import { OfferTriageError } from '../errors.js';
import { writeAudit } from './audit.js';
import type { Db, Queryable } from './db.js';
import type { User } from './users.js';

/**
 * What reviewers do to a lead: score it on the rubric, correct its category, decide, and write notes. Each
 * action writes its audit row in the same transaction. A lead another reviewer holds under a live lease
 * cannot be scored or decided by someone else, so two reviewers never work the same lead at once.
 */
export const RUBRIC = ['capacity', 'lead_time', 'quality', 'credibility', 'price_fit'] as const;
export type RubricKey = (typeof RUBRIC)[number];
export type Score = Record<RubricKey, number> & { comment: string };

/** Locks the lead row for the rest of the transaction and refuses if someone else holds a live claim. */
async function lockLead(
  tx: Queryable,
  leadId: number,
  user: User,
): Promise<{ status: string; category: Category; predictedCategory: Category }> {
  const res = await tx.query<{
    status: string;
    category: Category;
    predictedCategory: Category;
    holder: string | null;
  }>(
    `SELECT l.status, l.category, l.predicted_category AS "predictedCategory",
            CASE WHEN l.claimed_by <> $2 AND l.claim_expires_at > now() THEN u.email END AS holder
     FROM leads l LEFT JOIN users u ON u.id = l.claimed_by WHERE l.id = $1 FOR UPDATE OF l`,
    [leadId, user.id],
  );
  const row = res.rows[0];
  if (!row) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${leadId}`);
  if (row.holder) throw new OfferTriageError('OT_ERR_CLAIMED', `${row.holder} holds lead ${leadId}`);
  return row;
}

/** Records (or replaces) the reviewer's rubric and hands the lead back to the queue for the next reviewer. */
export async function scoreLead(db: Db, leadId: number, user: User, score: Score): Promise<void> {
  await db.transaction(async (tx) => {
    await lockLead(tx, leadId, user);
    await tx.query(
      `INSERT INTO reviews (lead_id, reviewer_id, capacity, lead_time, quality, credibility, price_fit, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (lead_id, reviewer_id) DO UPDATE SET capacity = EXCLUDED.capacity, lead_time = EXCLUDED.lead_time,
         quality = EXCLUDED.quality, credibility = EXCLUDED.credibility, price_fit = EXCLUDED.price_fit,
         comment = EXCLUDED.comment, scored_at = now()`,
      [
        leadId,
        user.id,
        score.capacity,
        score.lead_time,
        score.quality,
        score.credibility,
        score.price_fit,
        score.comment,
      ],
    );
    await tx.query(
      `UPDATE leads SET claimed_by = NULL, claim_expires_at = NULL, updated_at = now(),
              status = CASE WHEN status = 'new' THEN 'in_review' ELSE status END
       WHERE id = $1 AND (claimed_by = $2 OR claimed_by IS NULL)`,
      [leadId, user.id],
    );
    const { comment, ...marks } = score;
    await writeAudit(tx, [
      { actor: user.email, action: 'lead.scored', leadId, detail: { ...marks, comment: comment.slice(0, 200) } },
    ]);
  });
}

export async function correctCategory(db: Db, leadId: number, user: User, to: Category): Promise<void> {
  await db.transaction(async (tx) => {
    const lead = await lockLead(tx, leadId, user);
    if (lead.category === to) return;
    await tx.query(
      `INSERT INTO category_corrections (lead_id, predicted_category, from_category, to_category, corrected_by) VALUES ($1, $2, $3, $4, $5)`,
      [leadId, lead.predictedCategory, lead.category, to, user.id],
    );
    await tx.query('UPDATE leads SET category = $2, updated_at = now() WHERE id = $1', [leadId, to]);
    await writeAudit(tx, [
      {
        actor: user.email,
        action: 'lead.category_corrected',
        leadId,
        detail: { from: lead.category, to, predicted: lead.predictedCategory },
      },
    ]);
  });
}

export interface DecisionInput {
  decision: Decision;
  /** the lead this one duplicates, for decision 'duplicate' */
  duplicateOf: number | null;
  comment: string;
}

/**
 * Sets the lead's status, records the decision and the audit row, and lets the replies module queue the
 * matching reply (onDecided) inside the same transaction. Returns the outbox ids to nudge after commit.
 */
export async function decideLead(
  db: Db,
  leadId: number,
  user: User,
  input: DecisionInput,
  onDecided?: OnDecided,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await lockLead(tx, leadId, user);
    if (input.decision === 'duplicate') {
      if (input.duplicateOf === null || input.duplicateOf === leadId) {
        throw new OfferTriageError('OT_ERR_STATE', 'a duplicate must name another lead');
      }
      const other = await tx.query('SELECT 1 FROM leads WHERE id = $1', [input.duplicateOf]);
      if (other.rowCount === 0) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${input.duplicateOf}`);
    }
    const duplicateOf = input.decision === 'duplicate' ? input.duplicateOf : null;
    await tx.query(
      `UPDATE leads SET status = $2, duplicate_of = $3, claimed_by = NULL, claim_expires_at = NULL, updated_at = now() WHERE id = $1`,
      [leadId, input.decision, duplicateOf],
    );
    await tx.query(
      `INSERT INTO decisions (lead_id, decision, duplicate_of, comment, decided_by) VALUES ($1, $2, $3, $4, $5)`,
      [leadId, input.decision, duplicateOf, input.comment, user.id],
    );
    await writeAudit(tx, [
      {
        actor: user.email,
        action: 'lead.decided',
        leadId,
        detail: { decision: input.decision, duplicateOf, comment: input.comment.slice(0, 200) },
      },
    ]);
    return onDecided ? onDecided(tx, { leadId, decision: input.decision, actor: user.email }) : [];
  });
}

export async function addNote(db: Db, leadId: number, user: User, body: string): Promise<void> {
  await db.transaction(async (tx) => {
    const res = await tx.query(
      'INSERT INTO notes (lead_id, author_id, body) SELECT id, $2, $3 FROM leads WHERE id = $1',
      [leadId, user.id, body],
    );
    if (res.rowCount === 0) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${leadId}`);
    await writeAudit(tx, [{ actor: user.email, action: 'lead.note_added', leadId, detail: { length: body.length } }]);
  });
}
