import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { Queues } from '../queue/queues.js';
import type { Db } from '../store/db.js';
import {
  LATENCY_BUCKETS,
  LEAD_ROUTES,
  LEAD_STATUSES,
  MESSAGE_ROUTES,
  MESSAGE_STATUSES,
  OUTBOX_STATES,
  OUTBOX_TEMPLATES,
  QUEUE_STATES,
  readQueueDepths,
  readStoreSnapshot,
  type QueueDepths,
  type StoreSnapshot,
} from './collectors.js';
import { StoredHistogram } from './histogram.js';

/**
 * The process's metrics: the whole system's counts, read from PostgreSQL and Redis when scraped, plus
 * prom-client's default process_* and nodejs_* metrics of this process. A source that cannot be read within
 * `timeoutMs` exports no samples and `offer_triage_metrics_source_up{source} 0`, so a scrape always answers.
 * Known label values are always exported, zeros included, so an alert on a count never sees "absent".
 */
export interface Metrics {
  registry: Registry;
  contentType: string;
  /** reads the sources, then renders the exposition text */
  render(): Promise<string>;
}

export interface MetricsOptions {
  db: Pick<Db, 'query'>;
  log: Logger;
  queues?: Queues;
  timeoutMs?: number;
}

const PREFIX = 'offer_triage_';
const DEFAULT_TIMEOUT_MS = 5000;

export function createMetrics(opts: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const g = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name: PREFIX + name, help, labelNames, registers });

  const sourceUp = g('metrics_source_up', 'Whether this scrape could read the source (postgres, redis): 1 yes, 0 no', [
    'source',
  ]);
  const messages = g(
    'messages',
    'Stored raw messages by status (pending, processed, quarantined): the ingested total is their sum',
    ['status'],
  );
  const routed = g('messages_routed', 'Processed messages by route (ignore, redirect, review)', ['route']);
  const leads = g('leads', 'Leads by route and status (status duplicate: merged into another lead)', [
    'route',
    'status',
  ]);
  const outbox = g(
    'outbox',
    'Outbox rows (replies) by state and template; failed, uncertain and withheld need a look',
    ['state', 'template'],
  );
  const queueJobs = opts.queues
    ? g('queue_jobs', 'BullMQ jobs by queue and state (waiting, active, delayed, failed)', ['queue', 'state'])
    : null;
  const latency = new StoredHistogram({
    name: `${PREFIX}processing_latency_seconds`,
    help: 'Seconds from storing a message to its processing (processed_at - received_at), over all processed messages',
    buckets: LATENCY_BUCKETS,
    registry,
  });

  const setStore = (s: StoreSnapshot | null) => {
    for (const gauge of [messages, routed, leads, outbox]) gauge.reset();
    latency.setLatency(s?.latency ?? null);
    sourceUp.set({ source: 'postgres' }, s ? 1 : 0);
    if (!s) return;
    for (const status of MESSAGE_STATUSES) messages.set({ status }, 0);
    for (const route of MESSAGE_ROUTES) routed.set({ route }, 0);
    for (const route of LEAD_ROUTES) for (const status of LEAD_STATUSES) leads.set({ route, status }, 0);
    for (const state of OUTBOX_STATES) for (const template of OUTBOX_TEMPLATES) outbox.set({ state, template }, 0);
    for (const m of s.messages) {
      messages.inc({ status: m.status }, m.n);
      if (m.status === 'processed' && m.route) routed.inc({ route: m.route }, m.n);
    }
    for (const l of s.leads) leads.set({ route: l.route, status: l.status }, l.n);
    for (const o of s.outbox) outbox.set({ state: o.state, template: o.template }, o.n);
  };

  const setQueues = (d: QueueDepths | null) => {
    queueJobs?.reset();
    sourceUp.set({ source: 'redis' }, d ? 1 : 0);
    if (!d) return;
    for (const [queue, counts] of Object.entries(d))
      for (const state of QUEUE_STATES) queueJobs?.set({ queue, state }, counts[state]);
  };

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const store = coalesced(() => readStoreSnapshot(opts.db));
  const depths = opts.queues ? coalesced(() => readQueueDepths(opts.queues!)) : null;
  const read = async <T>(source: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await withTimeout(fn(), timeoutMs, `${source} did not answer within ${timeoutMs} ms`);
    } catch (err) {
      opts.log.warn({ err, source }, 'metrics: source not readable; its metrics are left out of this scrape');
      return null;
    }
  };

  return {
    registry,
    contentType: registry.contentType,
    async render() {
      const [s, d] = await Promise.all([
        read('postgres', store),
        depths ? read('redis', depths) : Promise.resolve(undefined),
      ]);
      setStore(s);
      if (d !== undefined) setQueues(d);
      return registry.metrics();
    },
  };
}

/**
 * Scrapes that arrive while a read is still running share it, even after they gave up waiting: a slow
 * database is then asked once, not once per scrape (several Prometheus servers, retries).
 */
function coalesced<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= fn().finally(() => {
      running = null;
    });
    return running;
  };
}

async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
