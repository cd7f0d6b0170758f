import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { LATENCY_BUCKETS } from '../../src/metrics/collectors.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { startMetricsServer, type MetricsServer } from '../../src/metrics/server.js';
import { createQueues, enqueueProcess, enqueueSend, type Queues } from '../../src/queue/queues.js';
import { createTestDb, TEST_REDIS_URL, testQueuePrefix, type TestDb } from '../support/db.js';
import { assertBuilt, cliEnv, startCli } from './cli-support.js';
import { until } from '../support/until.js';

/**
 * /metrics over real PostgreSQL and Redis: rows of every kind are inserted, the endpoint is scraped over
 * HTTP, and each figure must equal what was inserted. The figures are read at scrape time, so rows added
 * later show up in the next scrape.
 */
const log = createLogger({ level: 'silent' });
let t: TestDb;
let queues: Queues;
let server: MetricsServer;

async function insertMessage(
  status: 'pending' | 'processed' | 'quarantined',
  route: string | null,
  latencySeconds: number | null,
): Promise<number> {
  const res = await t.db.query<{ id: number }>(
    `INSERT INTO messages (sha256, size, raw, source, status, route, received_at, processed_at)
     VALUES (md5(random()::text), 1, '\\x00', 'import', $1, $2, now() - make_interval(secs => 7200), now() - make_interval(secs => 7200) + make_interval(secs => $3))
     RETURNING id`,
    [status, route, latencySeconds],
  );
  return res.rows[0]!.id;
}

let leadCount = 0;
async function insertLead(route: 'review' | 'redirect', status: string): Promise<number> {
  leadCount++;
  const res = await t.db.query<{ id: number }>(
    `INSERT INTO leads (reference, status, route, category, predicted_category, language) VALUES ($1, $2, $3, 'masks', 'masks', 'nl') RETURNING id`,
    [`L-${leadCount}`, status, route],
  );
  return res.rows[0]!.id;
}

async function insertOutbox(leadId: number, template: string, state: string): Promise<void> {
  await t.db.query(
    `INSERT INTO outbox (lead_id, template, language, state, to_email, subject, text_body, html_body, message_id, withheld_reason)
     VALUES ($1, $2, 'nl', $3, 'a@b.example', 's', 't', 'h', md5(random()::text), $4)`,
    [leadId, template, state, state === 'withheld' ? 'per-recipient limit' : null],
  );
}

async function scrape(at: MetricsServer = server): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`http://${at.address}/metrics`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample, e.g. value(text, 'offer_triage_messages{status="pending"}'); undefined when absent. */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

beforeAll(async () => {
  t = await createTestDb('metrics');
  queues = createQueues(TEST_REDIS_URL, testQueuePrefix('metrics'));
  server = await startMetricsServer({
    metrics: createMetrics({ db: t.db, log, queues }),
    host: '127.0.0.1',
    port: 0,
    log,
  });

  await insertMessage('pending', null, null);
  await insertMessage('pending', null, null);
  await insertMessage('quarantined', null, null);
  // latencies 0.2 s, 3 s, 3 s, 40 s, 2 h
  await insertMessage('processed', 'review', 0.2);
  await insertMessage('processed', 'review', 3);
  await insertMessage('processed', 'redirect', 3);
  await insertMessage('processed', 'ignore', 40);
  await insertMessage('processed', 'ignore', 7200);

  const a = await insertLead('review', 'new');
  const b = await insertLead('review', 'new');
  const c = await insertLead('redirect', 'redirected');
  await insertLead('review', 'duplicate');
  await insertOutbox(a, 'acknowledgement', 'sent');
  await insertOutbox(b, 'acknowledgement', 'withheld');
  await insertOutbox(c, 'referral', 'uncertain');
  await insertOutbox(c, 'ministry-forward', 'failed');
  await insertOutbox(a, 'declined', 'pending');

  await enqueueProcess(queues.process, [101, 102, 103]);
  await queues.process.add('process', { messageId: 104 }, { jobId: 'process-later-104', delay: 3_600_000 });
  await enqueueSend(queues.send, [7]);
});

afterAll(async () => {
  await server?.close();
  await queues?.process.obliterate({ force: true });
  await queues?.send.obliterate({ force: true });
  await queues?.close();
  await t?.drop();
});

describe('GET /metrics', () => {
  it('counts messages by status and processed messages by route', async () => {
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(text, 'offer_triage_messages{status="pending"}')).toBe(2);
    expect(value(text, 'offer_triage_messages{status="processed"}')).toBe(5);
    expect(value(text, 'offer_triage_messages{status="quarantined"}')).toBe(1);
    expect(value(text, 'offer_triage_messages_routed{route="review"}')).toBe(2);
    expect(value(text, 'offer_triage_messages_routed{route="redirect"}')).toBe(1);
    expect(value(text, 'offer_triage_messages_routed{route="ignore"}')).toBe(2);
  });

  it('counts leads by route and status, zeros included', async () => {
    const { text } = await scrape();
    expect(value(text, 'offer_triage_leads{route="review",status="new"}')).toBe(2);
    expect(value(text, 'offer_triage_leads{route="review",status="duplicate"}')).toBe(1);
    expect(value(text, 'offer_triage_leads{route="redirect",status="redirected"}')).toBe(1);
    expect(value(text, 'offer_triage_leads{route="redirect",status="shortlisted"}')).toBe(0);
  });

  it('counts replies by outbox state and template', async () => {
    const { text } = await scrape();
    expect(value(text, 'offer_triage_outbox{state="sent",template="acknowledgement"}')).toBe(1);
    expect(value(text, 'offer_triage_outbox{state="withheld",template="acknowledgement"}')).toBe(1);
    expect(value(text, 'offer_triage_outbox{state="uncertain",template="referral"}')).toBe(1);
    expect(value(text, 'offer_triage_outbox{state="failed",template="ministry-forward"}')).toBe(1);
    expect(value(text, 'offer_triage_outbox{state="pending",template="declined"}')).toBe(1);
    expect(value(text, 'offer_triage_outbox{state="sent",template="referral"}')).toBe(0);
  });

  it('exports the stored-to-processed latency as a cumulative histogram', async () => {
    const { text } = await scrape();
    expect(text).toContain('# TYPE offer_triage_processing_latency_seconds histogram');
    const bucket = (le: number | string) => value(text, `offer_triage_processing_latency_seconds_bucket{le="${le}"}`);
    expect(bucket(0.1)).toBe(0);
    expect(bucket(0.25)).toBe(1);
    expect(bucket(2.5)).toBe(1);
    expect(bucket(5)).toBe(3);
    expect(bucket(60)).toBe(4);
    expect(bucket(3600)).toBe(4);
    expect(bucket(21600)).toBe(5);
    expect(bucket('+Inf')).toBe(5);
    expect(value(text, 'offer_triage_processing_latency_seconds_count')).toBe(5);
    expect(value(text, 'offer_triage_processing_latency_seconds_sum')).toBeCloseTo(0.2 + 3 + 3 + 40 + 7200, 3);
    expect(text.match(/^offer_triage_processing_latency_seconds_bucket/gm)).toHaveLength(LATENCY_BUCKETS.length + 1);
  });

  it('reports BullMQ queue depths per queue and state', async () => {
    const { text } = await scrape();
    expect(value(text, 'offer_triage_queue_jobs{queue="process",state="waiting"}')).toBe(3);
    expect(value(text, 'offer_triage_queue_jobs{queue="process",state="delayed"}')).toBe(1);
    expect(value(text, 'offer_triage_queue_jobs{queue="process",state="failed"}')).toBe(0);
    expect(value(text, 'offer_triage_queue_jobs{queue="send",state="waiting"}')).toBe(1);
    expect(value(text, 'offer_triage_metrics_source_up{source="postgres"}')).toBe(1);
    expect(value(text, 'offer_triage_metrics_source_up{source="redis"}')).toBe(1);
  });

  it("includes this process's default metrics", async () => {
    const { text } = await scrape();
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('reads the store again on every scrape', async () => {
    await insertMessage('quarantined', null, null);
    expect(value((await scrape()).text, 'offer_triage_messages{status="quarantined"}')).toBe(2);
  });

  it('answers 404 off /metrics and 405 to other methods', async () => {
    expect((await fetch(`http://${server.address}/`)).status).toBe(404);
    expect((await fetch(`http://${server.address}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('still answers when Redis is unreachable, saying which source is down', async () => {
    const dead = createQueues('redis://127.0.0.1:1', testQueuePrefix('metrics-dead'));
    dead.process.on('error', () => undefined);
    dead.send.on('error', () => undefined);
    const other = await startMetricsServer({
      metrics: createMetrics({ db: t.db, log, queues: dead, timeoutMs: 300 }),
      host: '127.0.0.1',
      port: 0,
      log,
    });
    try {
      const { status, text } = await scrape(other);
      expect(status).toBe(200);
      expect(value(text, 'offer_triage_metrics_source_up{source="redis"}')).toBe(0);
      expect(value(text, 'offer_triage_metrics_source_up{source="postgres"}')).toBe(1);
      expect(value(text, 'offer_triage_queue_jobs{queue="process",state="waiting"}')).toBeUndefined();
      expect(value(text, 'offer_triage_messages{status="processed"}')).toBe(5);
    } finally {
      await other.close();
      await dead.close().catch(() => undefined);
    }
  });
});

describe('offer-triage worker with METRICS_PORT', () => {
  it('serves /metrics on its own listener and closes it on SIGTERM', async () => {
    assertBuilt();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = startCli(
      ['worker', '--queues', 'send'],
      cliEnv({
        DATABASE_URL: t.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: testQueuePrefix('metrics-cli'),
        METRICS_PORT: String(port),
      }),
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let text = '';
      await until(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => null);
        if (res?.status === 200) text = await res.text();
        return text !== '';
      }, 30_000);
      expect(value(text, 'offer_triage_messages{status="quarantined"}')).toBe(2);
      expect(value(text, 'offer_triage_metrics_source_up{source="redis"}')).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});
