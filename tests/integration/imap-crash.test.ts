import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { folderCounts, makeMessage, startDovecot, type Dovecot } from '../support/dovecot.js';
import { storedCount, waitFor } from '../support/imap-env.js';
import { readCheckpoint } from '../../src/mailbox/imap-checkpoint.js';
import { parseImapUrl } from '../../src/mailbox/imap-url.js';
import { tryLeadership } from '../../src/mailbox/imap-leader.js';
import { createLogger } from '../../src/log.js';

/**
 * The mailbox worker as its own process (dist/workers/ingest.js, built by `npm test`'s pretest): killed
 * with SIGKILL mid-batch and restarted, stopped with SIGTERM, and fed a 25 MB attachment with its peak
 * RSS read from /proc.
 */
const WORKER = new URL('../../dist/workers/ingest.js', import.meta.url).pathname;

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('mailbox worker process', () => {
  let dovecot: Dovecot;
  let tdb: TestDb;
  const user = 'offers';
  const children: ChildProcess[] = [];

  function spawnWorker(env: Record<string, string>): Worker {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: 'info', ...env };
    delete childEnv.REDIS_URL;
    const child = spawn(process.execPath, [WORKER], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  }

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` (npm test does it first)`);
    dovecot = await startDovecot({ users: { [user]: 'pw' } });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });
  beforeEach(async () => {
    tdb = await createTestDb('imap_crash');
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await tdb.drop();
  });

  it('killed with SIGKILL mid-batch and restarted: nothing lost, nothing twice; SIGTERM stops it cleanly', async () => {
    const n = 4000;
    const url = dovecot.url(user, 'Kill');
    dovecot.deliver(user, Array.from({ length: n }, (_, i) => makeMessage(i, { bodyBytes: 8000 })), 'Kill');
    const env = { IMAP_URL: url, IMAP_BATCH_SIZE: '200', IMAP_PROCESSED_FOLDER: 'KillDone' };

    const first = spawnWorker(env);
    const atKill = await waitFor(() => storedCount(tdb.db), (c) => c > 0, 60_000, 2);
    first.child.kill('SIGKILL');
    await first.exited;
    const afterKill = await storedCount(tdb.db);
    const moved = (await folderCounts(dovecot, user, ['KillDone'])).KillDone;
    console.log(`SIGKILL after ${atKill} stored (${afterKill} committed, ${moved} moved) of ${n}`);
    expect(afterKill).toBeLessThan(n);

    const second = spawnWorker(env);
    await waitFor(() => storedCount(tdb.db), (c) => c === n, 60_000);
    await waitFor(() => folderCounts(dovecot, user, ['Kill']), (c) => c.Kill === 0);
    expect((await folderCounts(dovecot, user, ['KillDone'])).KillDone).toBe(n);
    const locs = await tdb.db.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT uid)::int AS d FROM message_locations');
    expect(locs.rows[0]).toEqual({ n, d: n });
    expect((await readCheckpoint(tdb.db, parseImapUrl(url).label))?.lastUid).toBe(n);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('mailbox worker stopped');
    // the leader lock went with it: another worker can lead at once
    const leader = await tryLeadership(tdb.db, parseImapUrl(url).label, createLogger({ level: 'silent' }));
    expect(leader).not.toBeNull();
    await leader?.release();
  });

  it('a 25 MB attachment in a batch is stored whole, with peak RSS under 300 MB', async () => {
    const url = dovecot.url(user, 'Big');
    const attachment = randomBytes(25 * 1024 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n');
    const big = Buffer.from(
      [
        'From: "Fabriek" <sales@fabriek.example>',
        'To: aanbod@crisisteam.example',
        'Subject: Specificaties meltblown',
        'Message-ID: <big-25mb@fabriek.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Zie bijlage.',
        '--b1',
        'Content-Type: application/octet-stream; name="spec.bin"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="spec.bin"',
        '',
        attachment,
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const small = Array.from({ length: 300 }, (_, i) => makeMessage(i, { bodyBytes: 4000 }));
    dovecot.deliver(user, [...small.slice(0, 150), big, ...small.slice(150)], 'Big');

    const w = spawnWorker({ IMAP_URL: url, IMAP_BATCH_SIZE: '500', IMAP_PROCESSED_FOLDER: 'BigDone' });
    await waitFor(() => storedCount(tdb.db), (c) => c === 301, 60_000);
    const status = readFileSync(`/proc/${w.child.pid}/status`, 'utf8');
    const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    console.log(`25 MB attachment (${(big.length / 1048576).toFixed(1)} MB message) in a batch of 301: peak RSS ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(300);
    const row = await tdb.db.query<{ size: number; status: string }>("SELECT size, status FROM messages WHERE message_id = '<big-25mb@fabriek.example>'");
    expect(row.rows[0]).toEqual({ size: big.length, status: 'pending' });
    expect(await folderCounts(dovecot, user, ['Big', 'BigDone'])).toEqual({ Big: 0, BigDone: 301 });
  });
});
