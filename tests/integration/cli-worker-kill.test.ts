import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { assertBuilt, cliEnv, runCli, startCli } from './cli-support.js';
import { until } from '../support/until.js';

/**
 * A worker killed with SIGKILL in the middle of a batch, then restarted: every message ends processed
 * exactly once, and the end state equals that of an uninterrupted in-process run over the same mail.
 */
let killed: TestDb;
let reference: TestDb;
let dir: string;

// Enough mail that the worker is still busy when the first batch commits: batched processing is fast, and a
// kill that lands after the last batch would test nothing (it once did, on a quiet machine).
const VARIANTS = 10;

beforeAll(async () => {
  assertBuilt();
  [killed, reference] = await Promise.all([createTestDb('cli_kill'), createTestDb('cli_kill_ref')]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'ot-kill-'));
  // the labelled corpus, each message re-sent under new Message-IDs: distinct rows that must merge into the same leads
  const corpus = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'corpus', 'messages');
  for (const name of (await readdir(corpus)).filter((n) => n.endsWith('.eml'))) {
    const raw = await readFile(path.join(corpus, name), 'latin1');
    for (let v = 0; v < VARIANTS; v++) {
      const variant = raw.replace(/^Message-ID:[ \t]*<([^>]*)>/im, (_m, id: string) => `Message-ID: <v${v}.${id}>`);
      await writeFile(path.join(dir, `${v}-${name}`), v === 0 ? raw : variant === raw ? `X-Variant: ${v}\r\n${raw}` : variant, 'latin1');
    }
  }
});

afterAll(async () => {
  await Promise.all([killed?.drop(), reference?.drop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function counts(t: TestDb) {
  const r = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM messages GROUP BY status');
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n])) as Record<string, number>;
}

describe('worker killed with SIGKILL mid-batch', () => {
  it('loses nothing and does nothing twice', async () => {
    const prefix = testQueuePrefix('kill');
    const env = cliEnv({ DATABASE_URL: killed.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PROCESS_CONCURRENCY: '4' });
    const imported = await runCli(['import', dir], env);
    expect(imported.code).toBe(0);
    const total = Number(/(\d+) stored/.exec(imported.stdout)![1]);
    expect(total).toBeGreaterThan(1000);

    const first = startCli(['worker'], env);
    const firstExit = new Promise((resolve) => first.once('exit', resolve));
    await until(async () => ((await counts(killed)).processed ?? 0) >= 1, 60_000);
    first.kill('SIGKILL');
    await firstExit;
    const atKill = (await counts(killed)).processed ?? 0;
    expect(atKill).toBeLessThan(total);

    const second = startCli(['worker'], env);
    const secondExit = new Promise((resolve) => second.once('exit', resolve));
    try {
      await until(async () => ((await counts(killed)).processed ?? 0) === total, 100_000);
    } finally {
      second.kill('SIGTERM');
    }
    expect(await secondExit).toBe(0);

    const twice = await killed.db.query(
      "SELECT message_id FROM audit_log WHERE action = 'message.processed' GROUP BY message_id HAVING count(*) > 1",
    );
    expect(twice.rowCount).toBe(0);
    const oneSourceEach = await killed.db.query<{ n: number }>('SELECT count(*)::int AS n FROM lead_sources');
    const nonIgnored = await killed.db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE route <> 'ignore'");
    expect(oneSourceEach.rows[0]!.n).toBe(nonIgnored.rows[0]!.n);
    const repliesTwice = await killed.db.query('SELECT lead_id, template FROM outbox GROUP BY 1, 2 HAVING count(*) > 1');
    expect(repliesTwice.rowCount).toBe(0);

    // the same mail through an uninterrupted in-process run ends in the same counts
    const refEnv = cliEnv({ DATABASE_URL: reference.url });
    expect((await runCli(['import', dir], refEnv)).code).toBe(0);
    const [a, b] = await Promise.all([runCli(['stats', '--json'], env), runCli(['stats', '--json'], refEnv)]);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(JSON.parse(a.stdout).messages).toBe(total);
  });
});
