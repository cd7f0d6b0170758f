import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../src/store/db.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { analyse } from '../src/core/analyse.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { storeRawMessages } from '../src/store/messages.js';
import { runPending } from '../src/pipeline/run-pending.js';
import { createRouteReplies } from '../src/replies/route-replies.js';

/**
 * Processing throughput from stored rows to leads: the production handler (core, dedupe under advisory
 * locks, lead/source/attachment/audit rows, outbox replies in the same transaction) over `count` stored
 * messages, `concurrency` at a time, in one process. Give it an empty, migrated database.
 */
export interface ProcessFigures {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  leads: number;
  concurrency: number;
}

async function corpus(): Promise<Buffer[]> {
  const dir = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'corpus', 'messages');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map((n) => readFile(path.join(dir, n))));
}

/** Distinct rows: a header line in front makes each copy its own message; dedupe then merges the copies' leads. */
function copies(messages: Buffer[], count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.concat([Buffer.from(`X-Bench-Copy: ${i}\r\n`), messages[i % messages.length]!]));
}

export async function benchProcess(db: Db, opts: { count?: number; concurrency?: number } = {}): Promise<ProcessFigures> {
  const count = opts.count ?? 5000;
  const concurrency = opts.concurrency ?? 8;
  const raws = copies(await corpus(), count);
  for (let i = 0; i < raws.length; i += 500) {
    await storeRawMessages(db, raws.slice(i, i + 500).map((raw, j) => ({ raw, source: 'import' as const, mailbox: 'import:bench', uidvalidity: 0, uid: i + j + 1 })));
  }
  const config = loadConfig({});
  const deps = { db, log: createLogger({ level: 'silent' }), analyse: (raw: Buffer) => analyse(raw), onRouted: createRouteReplies(config) };
  const start = process.hrtime.bigint();
  const done = await runPending(deps, { concurrency });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const leads = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM leads')).rows[0]!.n;
  return { messages: done.processed, seconds, messagesPerSecond: done.processed / seconds, leads, concurrency };
}
