import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/until.js';
import { createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { analysis, FixtureCore, perMessage } from '../support/analysis-fixture.js';
import { createLogger } from '../../src/log.js';
import { OfferTriageError } from '../../src/errors.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { releaseQuarantined } from '../../src/store/quarantine.js';
import { runPending } from '../../src/pipeline/run-pending.js';
import type { ProcessDeps } from '../../src/pipeline/process.js';
import { createQueues, enqueueProcess, requeueProcess } from '../../src/queue/queues.js';
import { startProcessWorker } from '../../src/queue/workers.js';
import { sweepOnce } from '../../src/queue/sweeper.js';
import { freePort } from '../../src/free-port.js';

let t: TestDb;
const core = new FixtureCore();
const log = createLogger({ level: 'silent' });
let deps: ProcessDeps;

beforeAll(async () => {
  t = await createTestDb('pipeline_failures');
  deps = { db: t.db, log, analyse: core.analyse };
});
afterAll(async () => t?.drop());

let uid = 0;
async function store(...raws: Buffer[]): Promise<number[]> {
  const refs = await storeRawMessages(t.db, raws.map((raw) => ({ raw, source: 'import' as const, mailbox: 'import:failures', uidvalidity: 0, uid: ++uid })));
  return refs.map((r) => r.id);
}

async function statusOf(ids: number[]) {
  const res = await t.db.query<{ id: number; status: string; error_code: string | null; attempts: number }>(
    'SELECT id, status, error_code, attempts FROM messages WHERE id = ANY($1) ORDER BY id',
    [ids],
  );
  return res.rows;
}


/** A flaky core: throws a transient error `failures` times, then answers. */
function flaky(failures: number, result = analysis({ sender: { email: `flaky${failures}-${uid}@x.nl`, name: null, organisation: null } })) {
  let left = failures;
  const raw = core.message(result);
  const analyseOne = async (r: Buffer) => {
    if (r.equals(raw) && left-- > 0) throw new Error('connection terminated unexpectedly');
    return core.analyseOne(r);
  };
  return { raw, analyseOne, analyse: perMessage(analyseOne) };
}

describe('in-process failure policy', () => {
  it('quarantines a permanent parse error at once, keeps the raw bytes, and reprocesses after release', async () => {
    const raw = core.message(new OfferTriageError('OT_ERR_PARSE', 'broken MIME', { permanent: true }));
    const [id] = await store(raw);
    const result = await runPending(deps, { concurrency: 2, ids: [id!], backoffMs: 1 });
    expect(result).toEqual({ processed: 0, skipped: 0, quarantined: 1 });
    expect(await statusOf([id!])).toEqual([{ id, status: 'quarantined', error_code: 'OT_ERR_PARSE', attempts: 1 }]);
    expect((await t.db.query('SELECT raw FROM messages WHERE id = $1', [id])).rows[0]!.raw.equals(raw)).toBe(true);

    core.set(raw, analysis({ sender: { email: 'fixed@x.nl', name: null, organisation: null } }));
    expect(await releaseQuarantined(t.db, [id!], 'test')).toEqual([id]);
    expect(await runPending(deps, { concurrency: 2, ids: [id!] })).toEqual({ processed: 1, skipped: 0, quarantined: 0 });
    expect((await statusOf([id!]))[0]).toMatchObject({ status: 'processed', error_code: null });
    const actions = (await t.db.query('SELECT action FROM audit_log WHERE message_id = $1 ORDER BY id', [id])).rows.map((r) => r.action);
    expect(actions).toEqual(['message.quarantined', 'message.reprocess', 'lead.created', 'message.processed']);
  });

  it('retries transient failures with backoff and quarantines after the last attempt', async () => {
    const recovers = flaky(2);
    const never = flaky(99);
    const [a, b] = await store(recovers.raw, never.raw);
    const mixed = perMessage((r) => (r.equals(never.raw) ? never.analyseOne(r) : recovers.analyseOne(r)));
    const result = await runPending({ ...deps, analyse: mixed }, { concurrency: 2, ids: [a!, b!], attempts: 5, backoffMs: 5 });
    expect(result).toEqual({ processed: 1, skipped: 0, quarantined: 1 });
    expect(await statusOf([a!, b!])).toEqual([
      { id: a, status: 'processed', error_code: null, attempts: 1 },
      { id: b, status: 'quarantined', error_code: 'OT_ERR_PROCESS', attempts: 1 },
    ]);
  });

  it('releases every quarantined message with --quarantined semantics', async () => {
    const [id] = await store(core.message(new OfferTriageError('OT_ERR_PARSE', 'x', { permanent: true })));
    await runPending(deps, { concurrency: 1, ids: [id!] });
    const released = await releaseQuarantined(t.db, 'all');
    expect(released).toContain(id);
    expect((await t.db.query("SELECT count(*)::int AS n FROM messages WHERE status = 'quarantined'")).rows[0]!.n).toBe(0);
  });
});

describe('BullMQ worker', () => {
  it('processes jobs, sends permanent failures to the failed set and quarantine, and retries transient ones', async () => {
    const prefix = testQueuePrefix('failures');
    const queues = createQueues(TEST_REDIS_URL, prefix);
    const recovers = flaky(1);
    const good = core.message(analysis({ sender: { email: 'bull@x.nl', name: null, organisation: null } }));
    const bad = core.message(new OfferTriageError('OT_ERR_PARSE', 'not mail', { permanent: true }));
    const ids = await store(good, bad, recovers.raw);
    const worker = startProcessWorker({ redisUrl: TEST_REDIS_URL, prefix, concurrency: 4, log }, { ...deps, analyse: perMessage((r) => (r.equals(recovers.raw) ? recovers.analyseOne(r) : core.analyseOne(r))) });
    try {
      await enqueueProcess(queues.process, ids);
      await enqueueProcess(queues.process, ids); // same job ids: no second job
      await until(async () => (await statusOf(ids)).every((r) => r.status !== 'pending'));
      expect((await statusOf(ids)).map((r) => r.status)).toEqual(['processed', 'quarantined', 'processed']);
      const failed = await queues.process.getFailed();
      expect(failed.map((j) => j.id)).toEqual([`process-${ids[1]}`]);
      expect(failed[0]!.attemptsMade).toBe(1);

      // reprocess: the failed job is removed so the new one is not swallowed by its id
      core.set(bad, analysis({ sender: { email: 'bull2@x.nl', name: null, organisation: null } }));
      await releaseQuarantined(t.db, [ids[1]!]);
      expect(await requeueProcess(queues.process, [ids[1]!])).toBe(1);
      await until(async () => (await statusOf([ids[1]!]))[0]!.status === 'processed');
    } finally {
      await worker.close();
      await queues.process.obliterate({ force: true });
      await queues.send.obliterate({ force: true });
      await queues.close();
    }
  });

  it('the sweeper re-adds pending rows whose job is gone', async () => {
    const prefix = testQueuePrefix('sweeper');
    const queues = createQueues(TEST_REDIS_URL, prefix);
    try {
      const ids = await store(core.message(analysis({ sender: { email: 'swept@x.nl', name: null, organisation: null } })));
      expect(await sweepOnce({ db: t.db, queue: queues.process, log, graceSeconds: 0 })).toBeGreaterThanOrEqual(1);
      expect(await queues.process.getJobState(`process-${ids[0]}`)).toBe('waiting');
      expect(await requeueProcess(queues.process, ids)).toBe(0); // still waiting: left alone
      await runPending(deps, { concurrency: 1 });
    } finally {
      await queues.process.obliterate({ force: true });
      await queues.close();
    }
  });
});


async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await until(
    () =>
      new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      }),
    10_000,
  );
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('Redis restart', () => {
  it('loses nothing: jobs Redis forgot are re-added by the sweeper and processed once', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    let redis = await startRedis(port);
    const prefix = testQueuePrefix('restart');
    const queues = createQueues(url, prefix);
    const ids = await store(...Array.from({ length: 300 }, (_, i) => core.message(analysis({ sender: { email: `restart${i}@x.nl`, name: null, organisation: null } }))));
    // One batch (of up to 100) at a time, with a core slow enough (5 ms a message) that Redis dies while
    // most of the messages are still waiting.
    const slow: ProcessDeps = { ...deps, analyse: perMessage(async (r) => (await sleep(5), core.analyseOne(r))) };
    const worker = startProcessWorker({ redisUrl: url, prefix, concurrency: 1, log }, slow);
    await enqueueProcess(queues.process, ids);
    // Redis dies mid-run with jobs in it, and comes back empty (no persistence); the worker reconnects.
    await until(async () => (await statusOf(ids)).some((r) => r.status === 'processed'));
    await stopRedis(redis);
    redis = await startRedis(port);
    const left = (await statusOf(ids)).filter((r) => r.status === 'pending').length;
    expect(left).toBeGreaterThan(0);
    try {
      await until(async () => {
        await sweepOnce({ db: t.db, queue: queues.process, log, graceSeconds: 0 }).catch(() => 0);
        return (await statusOf(ids)).every((r) => r.status === 'processed');
      });
      const sources = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM lead_sources WHERE message_id = ANY($1)', [ids]);
      expect(sources.rows[0]!.n).toBe(ids.length);
      const processedTwice = await t.db.query(
        "SELECT message_id FROM audit_log WHERE action = 'message.processed' AND message_id = ANY($1) GROUP BY message_id HAVING count(*) > 1",
        [ids],
      );
      expect(processedTwice.rowCount).toBe(0);
    } finally {
      await worker.close();
      await queues.close();
      await stopRedis(redis);
    }
  });
});
