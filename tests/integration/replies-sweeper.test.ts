import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/until.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { processMessage, type ProcessDeps } from '../../src/pipeline/process.js';
import { createQueues, enqueueSend, type Queues } from '../../src/queue/queues.js';
import { sweepOnce } from '../../src/queue/sweeper.js';
import { startSendWorker } from '../../src/queue/workers.js';
import { createRouteReplies } from '../../src/replies/route-replies.js';
import { sendOutbox } from '../../src/replies/send.js';
import { createReplyTransport, type ReplyTransport } from '../../src/replies/transport.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { analysis, FixtureCore } from '../support/analysis-fixture.js';
import { createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { startSink, type Sink } from './replies-sink.js';

// Outbox rows left pending without a send job (Redis lost it, or the enqueue after commit failed) get one
// again from the sweeper, once they are older than the grace period; rows with a live job are left alone.
const config = loadConfig({ REPLY_CC_FORWARDER: 'false' });
const log = createLogger({ level: 'silent' });
const core = new FixtureCore();
let t: TestDb;
let sink: Sink;
let transport: ReplyTransport;
let queues: Queues;
let prefix: string;

beforeAll(async () => {
  t = await createTestDb('replies_sweeper');
  sink = await startSink();
  transport = createReplyTransport({ url: sink.url, pool: true });
  prefix = testQueuePrefix('outbox_sweeper');
  queues = createQueues(TEST_REDIS_URL, prefix);
});
afterAll(async () => {
  await queues?.send.obliterate({ force: true });
  await queues?.process.obliterate({ force: true });
  await queues?.close();
  transport?.close();
  await sink?.close();
  await t?.drop();
});

let uid = 0;
/** An offer of its own: a distinct company and text, so dedupe joins it to nothing. */
const offer = (email: string) =>
  core.message(analysis({ sender: { email, name: null, organisation: null }, kvk: null, phone: null, website: null, offerText: `Offer ${++uid} from ${email}: ${uid * 1000} gowns a week.` }));

/** Processes one offer whose send nudge is lost the way the brief describes; returns its outbox id. */
async function pendingReply(email: string, enqueue?: ProcessDeps['enqueueSend']): Promise<number> {
  const [ref] = await storeRawMessages(t.db, [{ raw: offer(email), source: 'import', mailbox: 'import:sweeper', uidvalidity: 0, uid: ++uid }]);
  const out = await processMessage({ db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(config), enqueueSend: enqueue }, ref!.id);
  if (out.status !== 'processed' || out.outboxIds.length !== 1) throw new Error(`expected one reply, got ${JSON.stringify(out)}`);
  return out.outboxIds[0]!;
}

const stateOf = async (id: number) => (await t.db.query<{ state: string }>('SELECT state FROM outbox WHERE id = $1', [id])).rows[0]!.state;


describe('outbox sweeper', () => {
  it('re-adds a send job for a reply whose enqueue failed after commit, only after the grace period, and the worker sends it once', async () => {
    const id = await pendingReply('failed-enqueue@sweep.nl', async () => Promise.reject(new Error('Redis unreachable')));
    expect(await stateOf(id)).toBe('pending');
    expect(await queues.send.getJobState(`send-${id}`)).toBe('unknown');

    // still within the grace period: not touched, the nudge may be on its way
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 3600 })).toBe(0);
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 0 })).toBe(1);
    expect(await queues.send.getJobState(`send-${id}`)).toBe('waiting');
    // a live job is left alone
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 0 })).toBe(0);

    const worker = startSendWorker({ redisUrl: TEST_REDIS_URL, prefix, concurrency: 1, log }, (outboxId) => sendOutbox({ db: t.db, config, log, transport }, outboxId));
    try {
      await until(async () => (await stateOf(id)) === 'sent');
    } finally {
      await worker.close();
    }
    expect(sink.received.filter((r) => r.to.includes('failed-enqueue@sweep.nl'))).toHaveLength(1);
    // sent: nothing left to sweep
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 0 })).toBe(0);
  });

  it('re-adds the jobs Redis lost, and replaces a failed job of a row still pending', async () => {
    const lost = await pendingReply('lost@sweep.nl', (ids) => enqueueSend(queues.send, ids));
    const exhausted = await pendingReply('exhausted@sweep.nl');
    expect(await queues.send.getJobState(`send-${lost}`)).toBe('waiting');
    await queues.send.obliterate({ force: true }); // Redis restarted without persistence

    // a send job that used up its attempts on temporary refusals leaves its row pending and sits in the failed set
    await queues.send.add('send', { outboxId: exhausted }, { jobId: `send-${exhausted}`, attempts: 1 });
    const refusing = new Worker(
      'send',
      async () => {
        throw new Error('421 try again later');
      },
      { connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: null }, prefix },
    );
    try {
      await until(async () => (await queues.send.getJobState(`send-${exhausted}`)) === 'failed');
    } finally {
      await refusing.close();
    }

    // the process queue alone sweeps no replies
    expect(await sweepOnce({ db: t.db, queue: queues.process, log, graceSeconds: 0, sendGraceSeconds: 0 })).toBe(0);
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 0 })).toBe(2);
    expect(await queues.send.getJobState(`send-${lost}`)).toBe('waiting');
    expect(await queues.send.getJobState(`send-${exhausted}`)).toBe('waiting');
    expect((await queues.send.getJob(`send-${exhausted}`))!.attemptsMade).toBe(0);
    expect([await stateOf(lost), await stateOf(exhausted)]).toEqual(['pending', 'pending']);
  });

  it('leaves withheld, sent and in-flight rows alone', async () => {
    await queues.send.obliterate({ force: true });
    await t.db.query("UPDATE outbox SET state = 'sent', sent_at = now(), sending_at = now() WHERE state = 'pending'");
    const [ref] = await storeRawMessages(t.db, [{ raw: offer('noreply@sweep.nl'), source: 'import', mailbox: 'import:sweeper', uidvalidity: 0, uid: ++uid }]);
    const out = await processMessage({ db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(config) }, ref!.id);
    expect(out).toMatchObject({ status: 'processed', outboxIds: [] });
    expect((await t.db.query("SELECT count(*)::int AS n FROM outbox WHERE state = 'withheld'")).rows[0]!.n).toBe(1);
    const sending = await pendingReply('sending@sweep.nl');
    await t.db.query("UPDATE outbox SET state = 'sending', sending_at = now(), lease_expires_at = now() + interval '5 minutes' WHERE id = $1", [sending]);
    expect(await sweepOnce({ db: t.db, sendQueue: queues.send, log, sendGraceSeconds: 0 })).toBe(0);
    expect(await queues.send.count()).toBe(0);
  });
});
