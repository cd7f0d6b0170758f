import type { Context } from '../context.js';
import { OfferTriageError } from '../errors.js';
import { parseImapUrl } from './imap-url.js';
import { awaitLeadership } from './imap-leader.js';
import { openSession } from './imap-session.js';
import { drainNew, type OnStored } from './imap-batch.js';

/**
 * One pass over the mailbox for `run --once` and cron: take the leader lock (waiting up to
 * `leaderTimeoutMs` if a long-running worker holds it), store everything new, move or flag it, log out.
 */
export interface DrainOptions {
  onStored?: OnStored;
  /** overrides IMAP_URL */
  url?: string;
  leaderTimeoutMs?: number;
}

export async function drainMailbox(ctx: Pick<Context, 'db' | 'log' | 'config'>, opts: DrainOptions = {}): Promise<{ stored: number; duplicates: number }> {
  const url = opts.url ?? ctx.config.imapUrl;
  if (!url) throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL is not set', { permanent: true });
  const target = parseImapUrl(url);
  const log = ctx.log.child({ mailbox: target.label });
  const leader = await awaitLeadership(ctx.db, target.label, log, { retryMs: 1000, timeoutMs: opts.leaderTimeoutMs ?? 30_000 });
  if (!leader) throw new OfferTriageError('OT_ERR_LEADER', `${target.label} is being read by another worker`);
  try {
    const session = await openSession(ctx.db, target, ctx.config, log);
    try {
      const r = await Promise.race([
        drainNew(session, { db: ctx.db, log, config: ctx.config, onStored: opts.onStored, beforeBatch: () => leader.check() }),
        session.closed,
      ]);
      log.info(r, 'mailbox drained');
      return { stored: r.stored, duplicates: r.duplicates };
    } finally {
      await session.logout();
    }
  } finally {
    await leader.release();
  }
}
