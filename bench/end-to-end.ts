import type { Db } from '../src/store/db.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { analyse } from '../src/core/analyse.js';
import { runPending } from '../src/pipeline/run-pending.js';
import { createRouteReplies } from '../src/replies/route-replies.js';
import { benchIngest, type IngestFigures } from './ingest.js';

/**
 * Dovecot → stored → processed → leads for `count` messages, in one process on an empty, migrated
 * database. The stages run one after the other (drain the mailbox, then process every stored row), so the
 * figure is a floor: in production the ingest and processor services overlap.
 */
export interface EndToEndFigures {
  ingest: IngestFigures;
  processSeconds: number;
  processCpuMsPerMessage: number;
  messagesPerSecond: number;
  leads: number;
  peakRssMb: number;
}

export async function benchEndToEnd(db: Db, opts: { count?: number; print?: (line: string) => void } = {}): Promise<EndToEndFigures> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const ingest = await benchIngest(db, { count: opts.count ?? 10_000, print: opts.print });
    const config = loadConfig({});
    const deps = { db, log: createLogger({ level: 'silent' }), analyse: (raw: Buffer) => analyse(raw), onRouted: createRouteReplies(config) };
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const done = await runPending(deps, { concurrency: 2 });
    const used = process.cpuUsage(cpu);
    const processSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const leads = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM leads')).rows[0]!.n;
    return {
      ingest,
      processSeconds,
      processCpuMsPerMessage: (used.user + used.system) / 1000 / Math.max(1, done.processed),
      // the ingest bench drains the same number of messages twice (move and flag mode): count the first
      messagesPerSecond: ingest.messages / (ingest.seconds + processSeconds * (ingest.messages / Math.max(1, done.processed))),
      leads,
      peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1048576,
    };
  } finally {
    clearInterval(sampler);
  }
}
