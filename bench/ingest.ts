import type { Db } from '../src/store/db.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { drainMailbox } from '../src/mailbox/imap-drain.js';
import { drainNew, type OnStored } from '../src/mailbox/imap-batch.js';
import { openSession } from '../src/mailbox/imap-session.js';
import { parseImapUrl } from '../src/mailbox/imap-url.js';
import { imapClient, startDovecot, type Dovecot } from '../tests/support/dovecot.js';
import { copies, loadMessages } from './corpus.js';

/**
 * The ingest stage on a private Dovecot: `count` messages written straight into the maildir (and indexed
 * by Dovecot before the clock starts), then read by the real worker code: UID-range fetch, raw store in
 * multi-row transactions, MOVE to Processed (and again in flag mode). Also the cost of one poll of an idle
 * mailbox holding `count` processed messages: on an open session (what each IDLE wake-up or poll costs)
 * and cold (connect, log in, select, reconcile, as `run --once` from cron pays). Give it an empty,
 * migrated database; pass `onStored` to include enqueueing (e.g. BullMQ addBulk) in the figure.
 */
export interface IngestFigures {
  messages: number;
  megabytes: number;
  seconds: number;
  messagesPerSecond: number;
  flagModeMessagesPerSecond: number;
  /** highest RSS of this process sampled during the move-mode drain, and its growth over the start */
  peakRssMb: number;
  rssGrowthMb: number;
  /** median of repeated polls of the idle mailbox on an open session, move mode (inbox empty) */
  idlePollMs: number;
  /** the same in flag mode: the mailbox itself holds every processed message */
  idlePollFlagMs: number;
  /** one `drainMailbox` of the idle flag-mode mailbox: connect, login, select, reconcile, list */
  idlePollColdMs: number;
}

async function index(d: Dovecot, user: string, mailbox: string): Promise<void> {
  const c = await imapClient(d, user);
  try {
    await c.mailboxOpen(mailbox);
  } finally {
    await c.logout();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function pollOpenSession(db: Db, url: string, env: Record<string, string>, rounds: number): Promise<number> {
  const config = loadConfig({ ...env, IMAP_URL: url });
  const log = createLogger({ level: 'silent' });
  const session = await openSession(db, parseImapUrl(url), config, log);
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = process.hrtime.bigint();
      const r = await drainNew(session, { db, log, config });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.stored + r.duplicates > 0) throw new Error('bench: the idle mailbox was not idle');
    }
    return median(times);
  } finally {
    await session.logout();
  }
}

export async function benchIngest(db: Db, opts: { count?: number; onStored?: OnStored; print?: (line: string) => void } = {}): Promise<IngestFigures> {
  const count = opts.count ?? 10_000;
  const print = opts.print ?? (() => undefined);
  const user = 'bench';
  const dovecot = await startDovecot({ users: { [user]: 'bench' } });
  try {
    let base = await loadMessages();
    if (base.length === 0) base = [Buffer.from('From: a@b.example\r\nSubject: offer\r\n\r\nWe make masks.\r\n')];
    const moveRaws = copies(base, count, 'move');
    const flagRaws = copies(base, count, 'flag');
    const bytes = moveRaws.reduce((n, b) => n + b.length, 0);
    dovecot.deliver(user, moveRaws, 'Bench');
    dovecot.deliver(user, flagRaws, 'BenchFlag');
    await index(dovecot, user, 'Bench');
    await index(dovecot, user, 'BenchFlag');
    print(`ingest: ${count} messages (${(bytes / 1048576).toFixed(1)} MB) in Dovecot`);

    const log = createLogger({ level: 'silent' });
    const moveEnv = { IMAP_PROCESSED_FOLDER: 'Processed', IMAP_AFTER_STORE: 'move' };
    const moveUrl = dovecot.url(user, 'Bench');
    const rssStart = process.memoryUsage().rss;
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    const t0 = process.hrtime.bigint();
    const moved = await drainMailbox({ db, log, config: loadConfig({ ...moveEnv, IMAP_URL: moveUrl }) }, { onStored: opts.onStored });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    if (moved.stored !== count) throw new Error(`bench: stored ${moved.stored} of ${count}`);

    const flagEnv = { IMAP_AFTER_STORE: 'flag' };
    const flagUrl = dovecot.url(user, 'BenchFlag');
    const t1 = process.hrtime.bigint();
    const flagged = await drainMailbox({ db, log, config: loadConfig({ ...flagEnv, IMAP_URL: flagUrl }) }, { onStored: opts.onStored });
    const flagSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    if (flagged.stored !== count) throw new Error(`bench: flag mode stored ${flagged.stored} of ${count}`);

    const idlePollMs = await pollOpenSession(db, moveUrl, moveEnv, 21);
    const idlePollFlagMs = await pollOpenSession(db, flagUrl, flagEnv, 21);
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      await drainMailbox({ db, log, config: loadConfig({ ...flagEnv, IMAP_URL: flagUrl }) });
      cold.push(Number(process.hrtime.bigint() - t) / 1e6);
    }

    const figures: IngestFigures = {
      messages: count,
      megabytes: bytes / 1048576,
      seconds,
      messagesPerSecond: count / seconds,
      flagModeMessagesPerSecond: count / flagSeconds,
      peakRssMb: rssPeak / 1048576,
      rssGrowthMb: (rssPeak - rssStart) / 1048576,
      idlePollMs,
      idlePollFlagMs,
      idlePollColdMs: median(cold),
    };
    print(formatIngestFigures(figures));
    return figures;
  } finally {
    await dovecot.stop();
  }
}

export function formatIngestFigures(f: IngestFigures): string {
  return [
    `ingest (Dovecot → fetch → raw store → move): ${f.messages} msgs, ${f.megabytes.toFixed(1)} MB in ${f.seconds.toFixed(2)} s = ${f.messagesPerSecond.toFixed(0)} msg/s (${(f.megabytes / f.seconds).toFixed(1)} MB/s)`,
    `ingest flag mode (\\Seen + $Triaged instead of move): ${f.flagModeMessagesPerSecond.toFixed(0)} msg/s`,
    `ingest peak RSS ${f.peakRssMb.toFixed(0)} MB (+${f.rssGrowthMb.toFixed(0)} MB during the drain)`,
    `idle poll with ${f.messages} processed messages: ${f.idlePollMs.toFixed(2)} ms on an open session (move mode), ${f.idlePollFlagMs.toFixed(2)} ms (flag mode, mail kept in the mailbox), ${f.idlePollColdMs.toFixed(1)} ms cold (connect, login, select, reconcile)`,
  ].join('\n');
}
