import type { Db } from '../store/db.js';

type Queryable = Pick<Db, 'query'>;

/**
 * How far a mailbox has been read: its UIDVALIDITY and the highest UID whose batch was stored AND moved
 * (or flagged). The worker advances it only after the move, so a crash anywhere in a batch means the batch
 * is fetched again, which the raw store's unique keys make harmless.
 */
export interface Checkpoint {
  uidvalidity: number;
  lastUid: number;
}

export async function readCheckpoint(q: Queryable, mailbox: string): Promise<Checkpoint | null> {
  const res = await q.query<{ uidvalidity: number; last_uid: number }>(
    'SELECT uidvalidity, last_uid FROM mailbox_checkpoints WHERE mailbox = $1',
    [mailbox],
  );
  const row = res.rows[0];
  return row ? { uidvalidity: Number(row.uidvalidity), lastUid: Number(row.last_uid) } : null;
}

/** Starts (or restarts, after a UIDVALIDITY change) a mailbox at UID 0. */
export async function resetCheckpoint(q: Queryable, mailbox: string, uidvalidity: number): Promise<void> {
  await q.query(
    `INSERT INTO mailbox_checkpoints (mailbox, uidvalidity, last_uid) VALUES ($1, $2, 0)
     ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = EXCLUDED.uidvalidity, last_uid = 0, updated_at = now()`,
    [mailbox, uidvalidity],
  );
}

/**
 * Moves the checkpoint forward, never back, and only within the same UIDVALIDITY: a late write from a
 * worker that lost leadership cannot undo a newer one.
 */
export async function advanceCheckpoint(q: Queryable, mailbox: string, uidvalidity: number, lastUid: number): Promise<void> {
  await q.query(
    `UPDATE mailbox_checkpoints SET last_uid = $3, updated_at = now()
     WHERE mailbox = $1 AND uidvalidity = $2 AND last_uid < $3`,
    [mailbox, uidvalidity, lastUid],
  );
}
