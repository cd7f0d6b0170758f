import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../src/store/db.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { drainMailbox } from '../src/mailbox/imap-drain.js';
import { createQueues, enqueueProcess } from '../src/queue/queues.js';
import { imapClient, startDovecot } from '../tests/support/dovecot.js';
import { copies, loadMessages } from './corpus.js';

/**
 * Dovecot → stored → processed → leads, in the production topology: this process runs the mailbox drain
 * (the `ingest` role, enqueueing with BullMQ addBulk per stored batch) while `processors` child processes run
 * `offer-triage worker --queues process`, as `docker-compose up --scale processor=N` would. The clock runs from
 * the first fetch until every message is processed. Peak RSS: each processor's high-water mark (VmHWM), and
 * this process's RSS sampled during the run.
 */
export interface EndToEndFigures {
  messages: number;
  megabytes: number;
  processors: number;
  seconds: number;
  messagesPerSecond: number;
  ingestSeconds: number;
  leads: number;
  quarantined: number;
  peakRssMb: { ingest: number; processors: number[] };
}

function vmHwmMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

function startProcessor(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'offer-triage.js'), 'worker', '--queues', 'process'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`processor did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('worker started')) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`processor exited with ${code}:\n${out}`)));
  });
}

export async function benchEndToEnd(
  db: Db,
  dbUrl: string,
  opts: { count?: number; processors?: number; redisUrl?: string } = {},
): Promise<EndToEndFigures> {
  const count = opts.count ?? 10_000;
  const processors = opts.processors ?? 2;
  const redisUrl = opts.redisUrl ?? process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `ot-bench-${randomBytes(4).toString('hex')}`;
  const base = await loadMessages();
  const raws = copies(base, count, 'e2e');
  const dovecot = await startDovecot({ users: { bench: 'bench' } });
  const queues = createQueues(redisUrl, prefix);
  const children: ChildProcess[] = [];
  try {
    dovecot.deliver('bench', raws, 'INBOX');
    const c = await imapClient(dovecot, 'bench');
    await c.mailboxOpen('INBOX'); // let Dovecot index the maildir before the clock starts
    await c.logout();
    const env = { ...process.env, DATABASE_URL: dbUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, PROCESS_CONCURRENCY: '2', LOG_LEVEL: 'info', METRICS_PORT: '' };
    for (let i = 0; i < processors; i++) children.push(await startProcessor(env));

    const config = loadConfig({ IMAP_URL: dovecot.url('bench', 'INBOX') });
    // RSS sampled while this process plays the ingest role (its high-water mark would include earlier stages)
    let ingestRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (ingestRss = Math.max(ingestRss, process.memoryUsage().rss)), 20);
    const start = process.hrtime.bigint();
    await drainMailbox({ db, log: createLogger({ level: 'silent' }), config }, { onStored: (ids) => enqueueProcess(queues.process, ids) });
    const ingestSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    for (;;) {
      const { rows } = await db.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM messages WHERE status = 'pending'`);
      if (rows[0]!.pending === 0) break;
      await sleep(20);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    const { rows } = await db.query<{ leads: number; quarantined: number }>(
      `SELECT (SELECT count(*)::int FROM leads) AS leads, (SELECT count(*)::int FROM messages WHERE status = 'quarantined') AS quarantined`,
    );
    return {
      messages: count,
      megabytes: raws.reduce((n, r) => n + r.length, 0) / 1048576,
      processors,
      seconds,
      messagesPerSecond: count / seconds,
      ingestSeconds,
      leads: rows[0]!.leads,
      quarantined: rows[0]!.quarantined,
      peakRssMb: { ingest: ingestRss / 1048576, processors: children.map((ch) => vmHwmMb(ch.pid!)) },
    };
  } finally {
    await Promise.all(
      children.map(
        (ch) =>
          new Promise((resolve) => {
            ch.once('exit', resolve);
            ch.kill('SIGTERM');
          }),
      ),
    );
    await queues.close();
    await dovecot.stop();
  }
}

export function formatEndToEndFigures(f: EndToEndFigures): string {
  return [
    `end to end with ${f.processors} processor process(es): ${f.messages} msgs (${f.megabytes.toFixed(1)} MB) in ${f.seconds.toFixed(2)} s = ${f.messagesPerSecond.toFixed(0)} msg/s (mailbox drained after ${f.ingestSeconds.toFixed(2)} s)`,
    `  ${f.leads} leads after dedupe, ${f.quarantined} quarantined; peak RSS ingest ${f.peakRssMb.ingest.toFixed(0)} MB, processors ${f.peakRssMb.processors.map((m) => m.toFixed(0)).join(' / ')} MB`,
  ].join('\n');
}
