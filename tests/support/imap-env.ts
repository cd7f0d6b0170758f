import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';

/** What the mailbox worker needs, built for a test: config from a few variables, a quiet logger. */
export function imapDeps(db: Db, env: Record<string, string>): { db: Db; log: Logger; config: Readonly<Config> } {
  const config = loadConfig({ LOG_LEVEL: 'warn', IMAP_POLL_SECONDS: '30', ...env });
  return { db, log: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }), config };
}

export async function storedCount(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');
  return r.rows[0]!.n;
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000, stepMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, stepMs));
    v = await fn();
  }
  return v;
}
