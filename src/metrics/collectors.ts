import type { Queues } from '../queue/queues.js';
import type { Db } from '../store/db.js';

/**
 * What the metrics read at scrape time. Counts come from PostgreSQL (and Redis), not from counters in this
 * process, so every process reports the same whole-system figures however many processors, mailers and
 * admin servers run, and a restart loses nothing.
 */

/** Upper bounds (seconds) of the stored-to-processed latency histogram: from in-process to a nightly cron. */
export const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] as const;

export const MESSAGE_STATUSES = ['pending', 'processed', 'quarantined'] as const;
// The same vocabularies the store and the core use, so a new status or route shows up here too.
export { ROUTES as MESSAGE_ROUTES } from '../core/types.js';
export { LEAD_STATUSES } from '../store/queue.js';
export const LEAD_ROUTES = ['redirect', 'review'] as const;
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'withheld', 'uncertain'] as const;
export const OUTBOX_TEMPLATES = ['acknowledgement', 'referral', 'shortlisted', 'declined', 'ministry-forward'] as const;
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export interface Latency {
  /** cumulative: buckets[i] counts processed messages with latency <= LATENCY_BUCKETS[i] */
  buckets: number[];
  count: number;
  sum: number;
}

export interface StoreSnapshot {
  messages: Array<{ status: string; route: string | null; n: number }>;
  leads: Array<{ route: string; status: string; n: number }>;
  outbox: Array<{ state: string; template: string; n: number }>;
  latency: Latency;
}

// The bounds are constants of this module, never input, so writing them into the statement is safe.
const bucketColumns = LATENCY_BUCKETS.map((b) => `count(*) FILTER (WHERE lat <= ${b})`).join(', ');

// One statement, one round trip; messages are scanned once for the counts and the latency together.
const SNAPSHOT_SQL = `
  WITH m AS (
    SELECT status, route,
           CASE WHEN status = 'processed' THEN extract(epoch FROM processed_at - received_at)::float8 END AS lat
    FROM messages
  ), g AS (
    SELECT status, route, count(*)::int AS n, count(lat)::int AS lat_count, coalesce(sum(lat), 0)::float8 AS lat_sum,
           json_build_array(${bucketColumns}) AS lat_buckets
    FROM m GROUP BY status, route
  )
  SELECT
    (SELECT coalesce(json_agg(g), '[]') FROM g) AS messages,
    (SELECT coalesce(json_agg(l), '[]') FROM (SELECT route, status, count(*)::int AS n FROM leads GROUP BY route, status) l) AS leads,
    (SELECT coalesce(json_agg(o), '[]') FROM (SELECT state, template, count(*)::int AS n FROM outbox GROUP BY state, template) o) AS outbox`;

interface MessageGroup {
  status: string;
  route: string | null;
  n: number;
  lat_count: number;
  lat_sum: number;
  lat_buckets: number[];
}

export async function readStoreSnapshot(db: Pick<Db, 'query'>): Promise<StoreSnapshot> {
  const { rows } = await db.query<{
    messages: MessageGroup[];
    leads: StoreSnapshot['leads'];
    outbox: StoreSnapshot['outbox'];
  }>(SNAPSHOT_SQL);
  const row = rows[0]!;
  const latency: Latency = { buckets: LATENCY_BUCKETS.map(() => 0), count: 0, sum: 0 };
  for (const g of row.messages) {
    latency.count += g.lat_count;
    latency.sum += g.lat_sum;
    g.lat_buckets.forEach((n, i) => (latency.buckets[i]! += n));
  }
  return {
    messages: row.messages.map(({ status, route, n }) => ({ status, route, n })),
    leads: row.leads,
    outbox: row.outbox,
    latency,
  };
}

export type QueueDepths = Record<keyof Omit<Queues, 'close'>, Record<(typeof QUEUE_STATES)[number], number>>;

export async function readQueueDepths(queues: Queues): Promise<QueueDepths> {
  const [process, send] = await Promise.all([
    queues.process.getJobCounts(...QUEUE_STATES),
    queues.send.getJobCounts(...QUEUE_STATES),
  ]);
  const pick = (c: Record<string, number>) =>
    Object.fromEntries(QUEUE_STATES.map((s) => [s, c[s] ?? 0])) as QueueDepths['process'];
  return { process: pick(process), send: pick(send) };
}
