import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { OfferTriageError } from '../errors.js';

/**
 * One leader per mailbox: a session-level PostgreSQL advisory lock held on a dedicated connection for as
 * long as the worker reads the mailbox. If that connection dies, PostgreSQL releases the lock, so a crashed
 * or partitioned worker never blocks the mailbox; `lost` tells the holder to stop after its batch.
 */
export interface Leadership {
  /** true once the lock connection failed: another worker may already lead */
  readonly lost: boolean;
  /** rejects when the lock connection is no longer usable (checked before each batch) */
  check(): Promise<void>;
  release(): Promise<void>;
}

/** A stable signed 64-bit lock key for a mailbox label. */
export function leaderLockKey(label: string): string {
  const digest = createHash('sha256').update(`offer-triage:imap-leader:${label}`).digest();
  return digest.readBigInt64BE(0).toString();
}

export async function tryLeadership(db: Db, label: string, log: Logger): Promise<Leadership | null> {
  const client: pg.PoolClient = await db.pool.connect();
  const key = leaderLockKey(label);
  let lost = false;
  const onError = (err: Error) => {
    lost = true;
    log.warn({ err }, 'leader lock connection failed; leadership lost');
  };
  client.on('error', onError);
  let got = false;
  try {
    const res = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [key]);
    got = res.rows[0]?.ok === true;
  } finally {
    if (!got) {
      client.off('error', onError);
      client.release();
    }
  }
  if (!got) return null;
  return {
    get lost() {
      return lost;
    },
    async check() {
      if (lost) throw new OfferTriageError('OT_ERR_LEADER', 'the leader lock connection was lost');
      try {
        await client.query('SELECT 1');
      } catch (err) {
        lost = true;
        throw new OfferTriageError('OT_ERR_LEADER', 'the leader lock connection was lost', { cause: err });
      }
    },
    async release() {
      client.off('error', onError);
      if (lost) {
        // the server already dropped the lock with the connection; do not return a broken client to the pool
        client.release(true);
        return;
      }
      try {
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
        client.release();
      } catch (err) {
        client.release(err instanceof Error ? err : true);
      }
    },
  };
}

/**
 * Waits until this worker leads the mailbox, retrying every `retryMs`; logs once when another worker
 * holds it. Returns null if `signal` aborts first, or when `timeoutMs` passes.
 */
export async function awaitLeadership(
  db: Db,
  label: string,
  log: Logger,
  opts: { retryMs: number; signal?: AbortSignal; timeoutMs?: number },
): Promise<Leadership | null> {
  const deadline = opts.timeoutMs === undefined ? Infinity : Date.now() + opts.timeoutMs;
  let told = false;
  while (!opts.signal?.aborted) {
    const leader = await tryLeadership(db, label, log);
    if (leader) {
      if (told) log.info('took over as mailbox leader');
      return leader;
    }
    if (!told) {
      log.info({ retryMs: opts.retryMs }, 'another worker leads this mailbox; waiting');
      told = true;
    }
    if (Date.now() + opts.retryMs > deadline) return null;
    await sleep(opts.retryMs, opts.signal);
  }
  return null;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
