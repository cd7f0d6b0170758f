import { sha256, headerMessageId } from '../store/messages.js';
import type { Db } from '../store/db.js';

/**
 * A message over MAX_MESSAGE_BYTES is never downloaded. Its header block is kept as a quarantined message
 * (OT_ERR_TOO_LARGE) so it shows up for a person, and the mail itself stays in the mailbox where they can
 * open it. Re-reading it later (UIDVALIDITY change) finds the same header hash and adds nothing.
 */
export interface OversizeInput {
  headers: Buffer;
  size: number;
  uid: number;
}

export async function storeOversize(db: Db, mailbox: string, uidvalidity: number, maxBytes: number, items: OversizeInput[]): Promise<number[]> {
  if (items.length === 0) return [];
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const it of items) {
      const hash = sha256(it.headers);
      const error = `message of ${it.size} bytes exceeds MAX_MESSAGE_BYTES (${maxBytes}); only its headers were stored, the message was left in ${mailbox} (UID ${it.uid})`;
      await tx.query(
        `INSERT INTO messages (sha256, size, raw, message_id, source, status, error_code, error)
         VALUES ($1, $2, $3, $4, 'imap', 'quarantined', 'OT_ERR_TOO_LARGE', $5)
         ON CONFLICT (sha256) DO NOTHING`,
        [hash, it.size, it.headers, headerMessageId(it.headers), error],
      );
      const row = await tx.query<{ id: number }>('SELECT id FROM messages WHERE sha256 = $1', [hash]);
      const id = row.rows[0]!.id;
      await tx.query(
        `INSERT INTO message_locations (message_id, mailbox, uidvalidity, uid) VALUES ($1, $2, $3, $4)
         ON CONFLICT (mailbox, uidvalidity, uid) DO NOTHING`,
        [id, mailbox, uidvalidity, it.uid],
      );
      ids.push(id);
    }
    return ids;
  });
}
