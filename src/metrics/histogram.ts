import { Histogram, type Registry } from 'prom-client';
import type { Latency } from './collectors.js';

/**
 * A Prometheus histogram whose cumulative buckets are read from PostgreSQL rather than observed here: the
 * messages are processed by other processes, and the store already holds each one's received and processed
 * times. Exposed with the histogram type, so `histogram_quantile(0.9, rate(..._bucket[5m]))` works as usual.
 * prom-client has no public way to set a histogram's buckets, so this overrides what it exports.
 */
export class StoredHistogram extends Histogram<'le'> {
  private readonly bounds: readonly number[];
  private readonly metricName: string;
  private latency: Latency | null = null;

  constructor(opts: { name: string; help: string; buckets: readonly number[]; registry: Registry }) {
    super({ name: opts.name, help: opts.help, buckets: [...opts.buckets], registers: [opts.registry] });
    this.bounds = opts.buckets;
    this.metricName = opts.name;
  }

  /** null: the store could not be read, so the histogram exports no samples rather than stale ones */
  setLatency(latency: Latency | null): void {
    this.latency = latency;
  }

  override get(): ReturnType<Histogram<'le'>['get']> {
    return this.getForPromString();
  }

  // The registry renders through this (untyped) method of prom-client's histogram; the base version gives
  // name, help, type and aggregator, and the values are replaced by the stored ones.
  async getForPromString(): ReturnType<Histogram<'le'>['get']> {
    const base = await (
      Histogram.prototype as unknown as { getForPromString: StoredHistogram['get'] }
    ).getForPromString.call(this);
    const l = this.latency;
    if (!l) return { ...base, values: [] };
    return {
      ...base,
      values: [
        ...this.bounds.map((le, i) => ({
          labels: { le },
          value: l.buckets[i] ?? 0,
          metricName: `${this.metricName}_bucket`,
        })),
        { labels: { le: '+Inf' }, value: l.count, metricName: `${this.metricName}_bucket` },
        { labels: {}, value: l.sum, metricName: `${this.metricName}_sum` },
        { labels: {}, value: l.count, metricName: `${this.metricName}_count` },
      ],
    };
  }
}
