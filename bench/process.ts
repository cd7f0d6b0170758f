import type { Db } from '../src/store/db.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { analyse, analyseBatch, type AnalyseBatch } from '../src/core/analyse.js';
import { storeRawMessages } from '../src/store/messages.js';
import { DEFAULT_BATCH_SIZE, runPending } from '../src/pipeline/run-pending.js';
import { createRouteReplies } from '../src/replies/route-replies.js';
import { copies, loadMessages } from './corpus.js';

/**
 * Processing throughput from stored rows to leads: the production handler (core, dedupe under advisory
 * locks, lead/source/attachment/audit rows, outbox replies in the same transaction) over `count` stored
 * messages, in batches of `batchSize` with `concurrency` batches in flight, in one process. CPU is this
 * process's (core and driver), per processed message; PostgreSQL's own CPU is not in it. Give it an empty,
 * migrated database.
 */
export interface ProcessFigures {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  leads: number;
  concurrency: number;
  batchSize: number;
  cpuMsPerMessage: number;
  writesOnly: boolean;
}

/**
 * `writesOnly`: each corpus message is analysed once before the clock starts and every copy gets its
 * original's analysis, so the figures are the writes (dedupe, rows, replies hook) without the core.
 */
export async function benchProcess(db: Db, opts: { count?: number; concurrency?: number; batchSize?: number; writesOnly?: boolean } = {}): Promise<ProcessFigures> {
  const count = opts.count ?? 5000;
  const concurrency = opts.concurrency ?? 2;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const messages = await loadMessages();
  const raws = copies(messages, count, 'process');
  for (let i = 0; i < raws.length; i += 500) {
    await storeRawMessages(db, raws.slice(i, i + 500).map((raw, j) => ({ raw, source: 'import' as const, mailbox: 'import:bench', uidvalidity: 0, uid: i + j + 1 })));
  }
  const config = loadConfig({});
  const deps = { db, log: createLogger({ level: 'silent' }), analyse: opts.writesOnly ? await precomputed(messages) : (raws: readonly Buffer[]) => analyseBatch(raws), onRouted: createRouteReplies(config) };
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const done = await runPending(deps, { concurrency, batchSize });
  const used = process.cpuUsage(cpu);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const leads = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM leads')).rows[0]!.n;
  const cpuMsPerMessage = (used.user + used.system) / 1000 / done.processed;
  return { messages: done.processed, seconds, messagesPerSecond: done.processed / seconds, leads, concurrency, batchSize, cpuMsPerMessage, writesOnly: opts.writesOnly ?? false };
}

async function precomputed(messages: Buffer[]): Promise<AnalyseBatch> {
  const analyses = await Promise.all(messages.map((raw) => analyse(raw)));
  return async (raws) =>
    raws.map((raw) => {
      const copy = /^X-Bench-Copy: (\d+)\r\n/.exec(raw.subarray(0, 40).toString('latin1'));
      return { ok: true, value: analyses[Number(copy![1]) % analyses.length]! };
    });
}

/** One line for the bench output. */
export function formatProcessFigures(f: ProcessFigures): string {
  return `process${f.writesOnly ? ' (writes only)' : ''}: ${f.messages} messages in ${f.seconds.toFixed(1)} s = ${f.messagesPerSecond.toFixed(0)} msg/s, ${f.cpuMsPerMessage.toFixed(2)} ms CPU/msg in Node (batches of ${f.batchSize}, ${f.concurrency} in flight), ${f.leads} leads`;
}
