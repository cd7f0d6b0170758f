import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { processMessage, type ProcessDeps } from '../../src/pipeline/process.js';
import { getOutbox, listOutboxAttention } from '../../src/replies/outbox.js';
import { createRouteReplies } from '../../src/replies/route-replies.js';
import { sendOutbox, type SendDeps } from '../../src/replies/send.js';
import { createReplyTransport, type ReplyTransport } from '../../src/replies/transport.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { analysis, FixtureCore } from '../support/analysis-fixture.js';
import { createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { startSink, type Sink } from './replies-sink.js';

const CHILD_OUT = path.resolve('node_modules/.cache/ot-replies-child');
const CHILD = path.join(CHILD_OUT, 'tests/integration/replies-send-child.js');
const config = loadConfig({});
const log = createLogger({ level: 'silent' });
const core = new FixtureCore();
let t: TestDb;
let sink: Sink;
let transport: ReplyTransport;
let send: SendDeps;
let seq = 0;

beforeAll(async () => {
  // the child is plain JavaScript: compile it (and what it imports) with the project's TypeScript
  execFileSync(
    process.execPath,
    [
      path.resolve('node_modules/typescript/bin/tsc'),
      ...['--outDir', CHILD_OUT, '--rootDir', '.', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
      ...['--skipLibCheck', '--esModuleInterop', '--types', 'node', 'tests/integration/replies-send-child.ts'],
    ],
    { stdio: 'ignore' },
  );
  if (!existsSync(CHILD)) throw new Error(`compiling the send child failed: ${CHILD} missing`);
  t = await createTestDb('replies_faults');
  sink = await startSink();
  transport = createReplyTransport({ url: sink.url });
  send = { db: t.db, config, log, transport };
}, 120_000);
afterAll(async () => {
  transport?.close();
  await sink?.close();
  await t?.drop();
});

/** A new review lead and its pending acknowledgement; returns the outbox id. */
async function reviewLead(): Promise<number> {
  const n = ++seq;
  const raw = core.message(analysis({ sender: { email: `sales${n}@fault${n}.example`, name: `Contact ${n}`, organisation: `Fault ${n} BV` }, offerText: `fault offer number ${n}` }));
  const [ref] = await storeRawMessages(t.db, [{ raw, source: 'import', mailbox: 'import:faults', uidvalidity: 0, uid: n }]);
  const deps: ProcessDeps = { db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(config) };
  const out = await processMessage(deps, ref!.id);
  if (out.status !== 'processed' || out.outboxIds.length !== 1) throw new Error(`expected one outbox row, got ${JSON.stringify(out)}`);
  return out.outboxIds[0]!;
}

async function deliveredCount(outboxId: number): Promise<number> {
  const row = await getOutbox(t.db.pool, outboxId);
  return sink.received.filter((r) => r.mail.messageId === row!.message_id).length;
}

describe('sending across faults', () => {
  it('does not resend after a worker is killed mid-send: the row is marked uncertain for a person', async () => {
    const id = await reviewLead();
    // the server takes the whole message and the sender is killed before it hears 250
    sink.respond = () => 'hold';
    const child = spawn(process.execPath, [CHILD, t.url, sink.url, String(id)], { stdio: ['ignore', 'pipe', 'inherit'] });
    sink.onData = () => child.kill('SIGKILL');
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    sink.onData = undefined;
    sink.respond = () => 250;
    expect(exit).toBe('SIGKILL');
    expect((await getOutbox(t.db.pool, id))?.state).toBe('sending');

    // the lease (1 s in the child) runs out; the job's retry must not send again
    await new Promise((r) => setTimeout(r, 1200));
    expect(await sendOutbox(send, id)).toBe('uncertain');
    expect(await sendOutbox(send, id)).toBe('skipped');
    expect(await deliveredCount(id)).toBe(1);
    const attention = await listOutboxAttention(t.db.pool);
    expect(attention.find((r) => r.id === id)).toMatchObject({ state: 'uncertain', error: expect.stringMatching(/check with the recipient/) });
  });

  it('a job that runs while another worker holds the row waits for it instead of sending', async () => {
    const id = await reviewLead();
    await t.db.query("UPDATE outbox SET state = 'sending', lease_expires_at = now() + interval '1 minute' WHERE id = $1", [id]);
    await expect(sendOutbox(send, id)).rejects.toMatchObject({ code: 'OT_ERR_STATE' });
    expect(await deliveredCount(id)).toBe(0);
  });

  describe('through BullMQ', () => {
    const prefix = testQueuePrefix('replies');
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    let queue: Queue;
    let worker: Worker;
    const settled = new Map<string, (job: Job, outcome: string) => void>();

    beforeAll(async () => {
      queue = new Queue('send', { connection, prefix });
      worker = new Worker('send', (job: Job<{ outboxId: number }>) => sendOutbox(send, job.data.outboxId), { connection, prefix });
      worker.on('completed', (job, result) => settled.get(job.id!)?.(job, String(result)));
      // finishedOn is set only on the final failure, not on one that will be retried
      worker.on('failed', (job) => {
        if (job?.finishedOn) settled.get(job.id!)?.(job, 'failed');
      });
    });
    afterAll(async () => {
      await worker?.close();
      await queue?.obliterate({ force: true });
      await queue?.close();
    });

    function run(outboxId: number, jobId: string): Promise<{ job: Job; outcome: string }> {
      return new Promise((resolve) => {
        settled.set(jobId, (job, outcome) => resolve({ job, outcome }));
        void queue.add('send', { outboxId }, { jobId, attempts: 5, backoff: { type: 'fixed', delay: 50 } });
      });
    }

    it('retries a 4xx with backoff and delivers once; a duplicate job then sends nothing', async () => {
      const id = await reviewLead();
      const start = sink.attempts;
      sink.respond = (n) => (n === start + 1 ? 451 : 250);
      const { job, outcome } = await run(id, `send-${id}`);
      expect(outcome).toBe('sent');
      expect(job.attemptsMade).toBe(2);
      const row = await getOutbox(t.db.pool, id);
      expect(row).toMatchObject({ state: 'sent', attempts: 2, smtp_response: expect.stringMatching(/^250 /) });
      expect(await deliveredCount(id)).toBe(1);
      expect((await run(id, `send-${id}-again`)).outcome).toBe('skipped');
      expect(await deliveredCount(id)).toBe(1);
    });

    it('records a 5xx as failed and does not retry it', async () => {
      const id = await reviewLead();
      const start = sink.attempts;
      sink.respond = () => 550;
      const { job, outcome } = await run(id, `send-${id}`);
      sink.respond = () => 250;
      expect(outcome).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(sink.attempts - start).toBe(1);
      const row = await getOutbox(t.db.pool, id);
      expect(row).toMatchObject({ state: 'failed', smtp_response: expect.stringMatching(/^550 /), error: expect.stringContaining('550') });
      expect(await deliveredCount(id)).toBe(0);
    });
  });
});
