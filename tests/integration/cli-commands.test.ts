import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { assertBuilt, cliEnv, offerMail, runCli, startCli } from './cli-support.js';
import { until } from '../support/until.js';

let t: TestDb;
let dir: string;
let env: NodeJS.ProcessEnv;

const GOWNS = 'Beste, wij zijn een textielbedrijf in Enschede en kunnen vanaf april 20.000 isolatiejassen per week maken volgens EN 13795. KvK 1234 5678. Met vriendelijke groet, Piet de Vries, Textiel B.V.';
const MASKS = 'Hello, we can ship 200,000 FFP2 masks (EN 149) from stock in Rotterdam this week. Kind regards, Anna, Maskers Direct B.V.';

beforeAll(async () => {
  assertBuilt();
  t = await createTestDb('cli_commands');
  env = cliEnv({ DATABASE_URL: t.url });
  dir = await mkdtemp(path.join(os.tmpdir(), 'ot-cli-'));
  await mkdir(path.join(dir, 'inbox', 'nested'), { recursive: true });
  // one offer forwarded by two associations, plus a direct mail, in a folder; an mbox with two more messages
  await writeFile(path.join(dir, 'inbox', 'fme.eml'), offerMail({ id: 'gowns-1@textiel.nl', from: 'Piet de Vries <piet@textiel.nl>', text: GOWNS, forwardedBy: 'FME Desk <desk@fme.nl>' }));
  await writeFile(path.join(dir, 'inbox', 'nested', 'hightech.eml'), offerMail({ id: 'gowns-1@textiel.nl', from: 'Piet de Vries <piet@textiel.nl>', text: GOWNS, forwardedBy: 'HightechNL <info@hightechnl.nl>' }));
  await writeFile(path.join(dir, 'inbox', 'notes.txt'), 'not mail, not imported from a folder');
  const mbox = [
    'From anna@maskersdirect.nl Fri Mar 20 09:00:00 2020',
    offerMail({ id: 'masks-1@maskersdirect.nl', from: 'Anna <anna@maskersdirect.nl>', text: `${MASKS}\r\n>From our warehouse.`, subject: 'FFP2 masks in stock' }).replace(/\r\n/g, '\n'),
    'From mailer-daemon@mx.example Fri Mar 20 09:05:00 2020',
    'From: Mail Delivery System <MAILER-DAEMON@mx.example>\nTo: aanbod@crisisteam.example\nSubject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\nMessage-ID: <bounce-1@mx.example>\nContent-Type: text/plain\n\nThis is the mail system. Your message could not be delivered.\n',
  ].join('\n');
  await writeFile(path.join(dir, 'archive.mbox'), mbox);
});

afterAll(async () => {
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function sqlStats() {
  const r = await t.db.query(
    `SELECT (SELECT count(*) FROM messages)::int AS messages,
            (SELECT count(*) FROM leads WHERE status <> 'duplicate')::int AS leads,
            (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'review')::int AS review,
            (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'redirect')::int AS redirect,
            (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'ignore')::int AS ignore,
            (SELECT count(*) FROM messages WHERE status = 'quarantined')::int AS quarantined`,
  );
  const s = r.rows[0]!;
  return { messages: s.messages, leads: s.leads, routes: { review: s.review, redirect: s.redirect, ignore: s.ignore }, quarantined: s.quarantined };
}

describe('offer-triage migrate', () => {
  it('prints what it applied, and nothing the second time', async () => {
    const name = `ot_cli_migrate_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      const first = await runCli(['migrate'], cliEnv({ DATABASE_URL: url.toString() }));
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^applied 001_core\.sql$/m);
      expect(first.stdout).toMatch(/^applied 004_pipeline\.sql$/m);
      const second = await runCli(['migrate'], cliEnv({ DATABASE_URL: url.toString() }));
      expect(second).toMatchObject({ code: 0, stdout: 'migrate: nothing to apply, the schema is up to date\n' });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('offer-triage import, stats and reprocess', () => {
  it('imports a folder and an mbox in-process, merging the two forwards into one lead', async () => {
    const res = await runCli(['import', path.join(dir, 'inbox'), path.join(dir, 'archive.mbox')], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('import: 3 files, 4 stored, 0 duplicates, 0 errors; processed 4, quarantined 0\n');
    const stats = await sqlStats();
    expect(stats).toEqual({ messages: 4, leads: 2, routes: { review: 2, redirect: 1, ignore: 1 }, quarantined: 0 });
    const sources = await t.db.query("SELECT s.kind, s.forwarded_by_email FROM lead_sources s JOIN leads l ON l.id = s.lead_id WHERE l.sender_email = 'piet@textiel.nl' ORDER BY 2");
    expect(sources.rows).toEqual([
      { kind: 'forward', forwarded_by_email: 'desk@fme.nl' },
      { kind: 'forward', forwarded_by_email: 'info@hightechnl.nl' },
    ]);
    const unescaped = await t.db.query("SELECT raw FROM messages WHERE message_id = '<masks-1@maskersdirect.nl>'");
    expect(unescaped.rows[0]!.raw.toString()).toContain('\nFrom our warehouse.');
  });

  it('prints stats --json exactly as the contract says, agreeing with SQL, and a table without --json', async () => {
    const json = await runCli(['stats', '--json'], env);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(`${JSON.stringify(await sqlStats())}\n`);
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['messages', 'leads', 'routes', 'quarantined']);
    const table = await runCli(['stats'], env);
    expect(table.stdout).toMatch(/^messages stored\s+4$/m);
    expect(table.stdout).toMatch(/^quarantined\s+0$/m);
  });

  it('stores nothing twice on re-import, and exits 1 naming an unreadable path', async () => {
    const again = await runCli(['import', path.join(dir, 'inbox')], env);
    expect(again).toMatchObject({ code: 0, stdout: 'import: 2 files, 0 stored, 2 duplicates, 0 errors; processed 0, quarantined 0\n' });
    const missing = await runCli(['import', path.join(dir, 'nope.eml')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.join(dir, 'nope.eml')}: no such file or folder`);
    expect((await runCli(['import'], env)).code).toBe(2);
  });

  it('reprocess --quarantined puts quarantined messages back through processing', async () => {
    const [ref] = await storeRawMessages(t.db, [{ raw: Buffer.from(offerMail({ id: 'q-1@gloves.nl', from: 'info@gloves.nl', text: 'We make 1,000,000 nitrile gloves a month.' })), source: 'import', mailbox: 'import:q', uidvalidity: 0, uid: 1 }]);
    await t.db.query("UPDATE messages SET status = 'quarantined', error_code = 'OT_ERR_PROCESS', error = 'db was down' WHERE id = $1", [ref!.id]);
    expect(JSON.parse((await runCli(['stats', '--json'], env)).stdout).quarantined).toBe(1);
    const res = await runCli(['reprocess', '--quarantined'], env);
    expect(res).toMatchObject({ code: 0, stdout: 'reprocess: 1 messages released; processed 1, quarantined again 0\n' });
    expect((await t.db.query('SELECT status FROM messages WHERE id = $1', [ref!.id])).rows[0]!.status).toBe('processed');
    expect((await runCli(['reprocess', 'abc'], env)).code).toBe(2);
  });

  it('run --once processes what is pending and exits 0', async () => {
    await storeRawMessages(t.db, [{ raw: Buffer.from(offerMail({ id: 'once-1@lab.nl', from: 'info@lab.nl', text: 'Wij bieden PCR testcapaciteit, 5.000 testen per dag.' })), source: 'import', mailbox: 'import:once', uidvalidity: 0, uid: 1 }]);
    const res = await runCli(['run', '--once'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('run: processed 1, quarantined 0; replies: SMTP_URL unset, left in the outbox\n');
    expect((await sqlStats()).messages).toBe(6);
  });
});

describe('configuration errors', () => {
  it('worker without REDIS_URL exits 2 naming REDIS_URL', async () => {
    const res = await runCli(['worker'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('REDIS_URL');
  });

  it('a bad variable exits 2 naming it', async () => {
    const res = await runCli(['stats', '--json'], { ...env, PROCESS_CONCURRENCY: 'many' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PROCESS_CONCURRENCY must be a whole number');
    expect(res.stdout).toBe('');
  });

  it('an unreachable database exits 1 with the message', async () => {
    const res = await runCli(['stats', '--json'], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/offer-triage stats: .*ECONNREFUSED/);
  });
});

describe('offer-triage worker with Redis', () => {
  it('processes imported messages from the queue and stops cleanly on SIGTERM', async () => {
    const prefix = testQueuePrefix('cli');
    const redisEnv = { ...env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix };
    await writeFile(path.join(dir, 'queued.eml'), offerMail({ id: 'queued-1@fab.nl', from: 'info@fab.nl', text: 'We convert our line to 3D printed face shields, 10,000 a week.' }));
    const imported = await runCli(['import', path.join(dir, 'queued.eml')], redisEnv);
    expect(imported).toMatchObject({ code: 0, stdout: 'import: 1 files, 1 stored, 0 duplicates, 0 errors; 1 queued for processing\n' });
    const worker = startCli(['worker'], redisEnv);
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      await until(async () => (await t.db.query("SELECT 1 FROM messages WHERE message_id = '<queued-1@fab.nl>' AND status = 'processed'")).rowCount === 1);
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
