import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { uidSet } from './imap-plan.js';
import type { MailboxSession, SessionConfig } from './imap-session.js';

/**
 * Finishes what a crash interrupted, once per session: mail at or below the checkpoint that is still in
 * the mailbox (move mode) or still lacks $Triaged (flag mode) although its raw bytes are stored. It
 * happens when the server acknowledged a MOVE but lost the expunge in a hard crash (seen with Dovecot
 * killed by SIGKILL). Oversize mail is left alone on purpose: a person is meant to find it there.
 */
export async function reconcileBelowCheckpoint(session: MailboxSession, db: Db, config: SessionConfig, log: Logger): Promise<number> {
  if (session.lastUid === 0) return 0;
  const query = config.imapAfterStore === 'move' ? { uid: `1:${session.lastUid}` } : { uid: `1:${session.lastUid}`, unKeyword: '$Triaged' };
  const found = await session.client.search(query, { uid: true });
  const leftovers = (found || []).filter((u) => u <= session.lastUid);
  if (leftovers.length === 0) return 0;
  const res = await db.query<{ uid: number }>(
    `SELECT l.uid FROM message_locations l JOIN messages m ON m.id = l.message_id
     WHERE l.mailbox = $1 AND l.uidvalidity = $2 AND l.uid = ANY($3::bigint[])
       AND m.error_code IS DISTINCT FROM 'OT_ERR_TOO_LARGE'`,
    [session.target.label, session.uidvalidity, leftovers],
  );
  const stored = res.rows.map((r) => Number(r.uid));
  if (stored.length === 0) return 0;
  if (config.imapAfterStore === 'move') {
    await session.client.messageMove(uidSet(stored), config.imapProcessedFolder, { uid: true });
  } else {
    await session.client.messageFlagsAdd(uidSet(stored), ['\\Seen', '$Triaged'], { uid: true });
  }
  log.warn({ count: stored.length, uids: uidSet(stored) }, 'stored mail was still in the mailbox after an interruption; moved or flagged it now');
  return stored.length;
}
