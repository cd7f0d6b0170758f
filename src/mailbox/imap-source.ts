import type { Context } from '../context.js';
import { describeError } from '../errors.js';
import { parseImapUrl, type ImapTarget } from './imap-url.js';
import { awaitLeadership, sleep, type Leadership } from './imap-leader.js';
import { openSession, type MailboxSession } from './imap-session.js';
import { drainNew, type OnStored } from './imap-batch.js';
import { backoffMs } from './imap-plan.js';

/**
 * The long-running mailbox worker: lead the mailbox, drain it, IDLE, drain again on every new-mail
 * notification (or every IMAP_POLL_SECONDS where the server has no IDLE, and as a safety net where it
 * has), and reconnect with backoff when the connection or the server goes away. Aborting `signal`
 * (SIGTERM) lets the batch in hand finish, then logs out and releases the leader lock.
 */
export type WorkerDeps = Pick<Context, 'db' | 'log' | 'config'>;

export interface WorkerOptions {
  signal: AbortSignal;
  onStored?: OnStored;
  /** overrides IMAP_URL */
  url?: string;
}

/** A session that stayed up this long counts as healthy: the next failure starts the backoff afresh. */
const HEALTHY_MS = 30_000;

export async function runMailboxWorker(deps: WorkerDeps, opts: WorkerOptions): Promise<void> {
  const url = opts.url ?? deps.config.imapUrl;
  if (!url) throw new Error('IMAP_URL is not set');
  const target = parseImapUrl(url);
  const log = deps.log.child({ mailbox: target.label });
  let attempt = 0;
  while (!opts.signal.aborted) {
    const started = Date.now();
    let leader: Leadership | null = null;
    try {
      // PostgreSQL being down surfaces here (or in the session) and is retried like a lost IMAP connection
      leader = await awaitLeadership(deps.db, target.label, log, { retryMs: Math.min(deps.config.imapPollSeconds, 5) * 1000, signal: opts.signal });
      if (!leader) break;
      const held = leader;
      await runSession(deps, target, opts, () => held.check());
      attempt = 0;
    } catch (err) {
      if (Date.now() - started > HEALTHY_MS) attempt = 0;
      const wait = backoffMs(attempt++);
      log.warn({ err, errMessage: describeError(err), retryInMs: wait }, 'mailbox session failed; reconnecting');
      await leader?.release().catch((e: unknown) => log.warn({ err: e }, 'releasing the leader lock failed'));
      leader = null;
      await sleep(wait, opts.signal);
    }
    await leader?.release();
  }
  log.info('mailbox worker stopped');
}

async function runSession(deps: WorkerDeps, target: ImapTarget, opts: WorkerOptions, checkLeader: () => Promise<void>): Promise<void> {
  const log = deps.log.child({ mailbox: target.label });
  const session = await openSession(deps.db, target, deps.config, log);
  log.info({ uidvalidity: session.uidvalidity, lastUid: session.lastUid, idle: session.client.capabilities.has('IDLE') }, 'mailbox session open');
  const wake = new Wake();
  session.client.on('exists', () => wake.fire());
  const onAbort = () => wake.fire();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!opts.signal.aborted) {
      wake.clear();
      await Promise.race([drain(session, deps, opts, checkLeader), session.closed]);
      if (opts.signal.aborted) break;
      // new mail arrived while we were draining
      if (wake.fired) continue;
      const timer = setTimeout(() => wake.fire(), deps.config.imapPollSeconds * 1000);
      // IDLE ends when the next command (the drain's fetch, or logout) is issued
      const idling = session.client.capabilities.has('IDLE') ? session.client.idle().catch(() => undefined) : Promise.resolve();
      try {
        await Promise.race([wake.wait(), session.closed]);
      } finally {
        clearTimeout(timer);
      }
      void idling;
    }
  } catch (err) {
    // a failed store or move must not leave the connection (and its IDLE) open behind the retry
    session.client.close();
    throw err;
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
  }
  await session.logout();
}

async function drain(session: MailboxSession, deps: WorkerDeps, opts: WorkerOptions, checkLeader: () => Promise<void>): Promise<void> {
  const r = await drainNew(session, {
    db: deps.db,
    log: deps.log.child({ mailbox: session.target.label }),
    config: deps.config,
    onStored: opts.onStored,
    beforeBatch: checkLeader,
    stopping: () => opts.signal.aborted,
  });
  if (r.stored + r.duplicates + r.oversize > 0) deps.log.debug(r, 'mailbox drained');
}

/** A level-triggered wake-up: fired before anyone waits still counts. */
class Wake {
  fired = false;
  private waiters: Array<() => void> = [];
  fire(): void {
    this.fired = true;
    for (const w of this.waiters.splice(0)) w();
  }
  clear(): void {
    this.fired = false;
  }
  wait(): Promise<void> {
    if (this.fired) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
