import type { Db } from './db.js';
import { writeAudit } from './audit.js';

/**
 * Messages that could not be processed keep their raw bytes and get the error recorded; a person (or the
 * `reprocess` command) puts them back to pending. Only pending rows are quarantined, so a late failure
 * report for a message another worker already processed changes nothing.
 */
export async function quarantineMessage(db: Db, messageId: number, errorCode: string, error: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const res = await tx.query(
      `UPDATE messages SET status = 'quarantined', error_code = $2, error = $3, attempts = attempts + 1
       WHERE id = $1 AND status = 'pending'`,
      [messageId, errorCode, error.slice(0, 4000)],
    );
    if (res.rowCount === 0) return false;
    await writeAudit(tx, [{ actor: 'system', action: 'message.quarantined', messageId, detail: { errorCode, error: error.slice(0, 500) } }]);
    return true;
  });
}

/** Puts the given quarantined messages (or all of them, when `ids` is 'all') back to pending; returns their ids. */
export async function releaseQuarantined(db: Db, ids: number[] | 'all', actor = 'system'): Promise<number[]> {
  return db.transaction(async (tx) => {
    const res = await tx.query<{ id: number }>(
      `UPDATE messages SET status = 'pending', error_code = NULL, error = NULL
       WHERE status = 'quarantined' AND ($1::bigint[] IS NULL OR id = ANY($1))
       RETURNING id`,
      [ids === 'all' ? null : ids],
    );
    const released = res.rows.map((r) => r.id).sort((a, b) => a - b);
    await writeAudit(tx, released.map((messageId) => ({ actor, action: 'message.reprocess', messageId })));
    return released;
  });
}

/** Ids of pending messages after `afterId`, oldest first: the in-process runner and the sweeper page through these. */
export async function pendingMessageIds(q: Pick<Db, 'query'>, opts: { afterId?: number; limit?: number; olderThanSeconds?: number } = {}): Promise<number[]> {
  const res = await q.query<{ id: number }>(
    `SELECT id FROM messages
     WHERE status = 'pending' AND id > $1 AND received_at <= now() - make_interval(secs => $2)
     ORDER BY id LIMIT $3`,
    [opts.afterId ?? 0, opts.olderThanSeconds ?? 0, opts.limit ?? 500],
  );
  return res.rows.map((r) => r.id);
}
