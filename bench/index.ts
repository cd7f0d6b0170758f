import { benchCore } from './core.js';
import { benchEndToEnd, formatEndToEndFigures } from './end-to-end.js';
import { benchIngest, formatIngestFigures } from './ingest.js';
import { benchReplies, formatReplyFigures } from './replies.js';
import { benchAdmin } from './admin.js';
import { withFreshDb } from './database.js';
import { DEFAULT_POOL_SIZE } from '../src/store/db.js';

/**
 * `npm run bench`: the speed and memory figures the issues ask for, measured side by side in one run and
 * printed, never asserted (a loaded CI machine must not fail a build over a number). Stages can be picked:
 * `npm run bench -- core ingest replies admin`. Needs the machine's PostgreSQL (BENCH_DATABASE_URL) and a
 * Debian Dovecot for the ingest stage, as the integration tests do.
 */
const STAGES = ['core', 'ingest', 'replies', 'admin'] as const;
type Stage = (typeof STAGES)[number];

const print = (line: string) => process.stdout.write(`${line}\n`);
const n = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(argv: string[]): Promise<void> {
  const picked = argv.filter((a): a is Stage => (STAGES as readonly string[]).includes(a));
  const stages = picked.length > 0 ? picked : STAGES;
  const count = Number(process.env.BENCH_MESSAGES ?? 10_000);
  print(`offer-triage bench: ${stages.join(', ')} (node ${process.version}, ${new Date().toISOString()})`);

  let coreMsgPerSec: number | null = null;
  if (stages.includes('core')) {
    const c = await benchCore();
    coreMsgPerSec = c.coreMsgPerSec;
    print(`\n## core (parse → unwrap → extract → classify → route) vs bare mailparser simpleParser`);
    print(`simpleParser (default options): ${n(c.bareMsgPerSec)} msg/s, ${n(c.bareMbPerSec, 1)} MB/s`);
    print(`whole core, in batches:         ${n(c.coreMsgPerSec)} msg/s, ${n(c.coreMbPerSec, 1)} MB/s  (analyseBatch, as the process worker runs it)`);
    print(`core cost / simpleParser cost:  ${n(c.costRatio, 2)}x  (budget: at most 1.5x)`);
    print(`one message at a time:          ${n(c.oneAtATimeMsgPerSec)} msg/s, ${n(c.oneAtATimeRatio, 2)}x  (analyse, as \`parse\` on one file)`);
    print(`classify alone (hot loop):      ${n(c.classifyMicroseconds, 1)} us CPU per message`);
  }
  if (stages.includes('ingest')) {
    print(`\n## ingest stage (Dovecot → fetch → raw store → move), ${n(count)} messages`);
    const i = await withFreshDb('ingest', (db) => benchIngest(db, { count }));
    print(formatIngestFigures(i));
    print(`\n## end to end (Dovecot → stored → processed → leads), ${n(count)} messages (target at least 500 msg/s)`);
    for (const processors of [1, 2]) {
      const e = await withFreshDb('e2e', (db, url) => benchEndToEnd(db, url, { count, processors }));
      print(formatEndToEndFigures(e));
      if (coreMsgPerSec) print(`  end to end / bare core on one core: ${n(e.messagesPerSecond / coreMsgPerSec, 2)}`);
    }
  }
  if (stages.includes('replies')) {
    print(`\n## replies over SMTP on loopback`);
    print(formatReplyFigures(await benchReplies()));
  }
  if (stages.includes('admin')) {
    print(`\n## admin page with 100,000 leads, 100 connections`);
    await withFreshDb('admin', (db) => benchAdmin(db, { print }), DEFAULT_POOL_SIZE);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
