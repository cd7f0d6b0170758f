import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from '../context.js';
import { OfferTriageError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Queues } from '../queue/queues.js';
import { createMetrics, type Metrics } from './registry.js';

/**
 * `GET /metrics` on a listener of its own (METRICS_PORT). It answers without a session, so it is kept off
 * the admin port, whose every page needs one (DESIGN §5b); put it on a network only Prometheus reaches.
 */
export interface MetricsServer {
  /** host:port it listens on */
  address: string;
  close(): Promise<void>;
}

export async function startMetricsServer(opts: {
  metrics: Metrics;
  host: string;
  port: number;
  log: Logger;
}): Promise<MetricsServer> {
  const { metrics, log } = opts;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('not found: the metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    metrics.render().then(
      (body) => {
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (err: unknown) => {
        log.error({ err }, 'metrics: rendering failed');
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics could not be rendered\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        new OfferTriageError(
          'OT_ERR_CONFIG',
          `METRICS_PORT ${opts.port} on ${opts.host} cannot be used: ${err.message}`,
          { permanent: true, cause: err },
        ),
      ),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const a = server.address() as AddressInfo;
  const address = `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // a keep-alive scraper would otherwise hold shutdown open until its connection idles out
        server.closeAllConnections();
      }),
  };
}

/** For the long-running commands: the metrics listener when METRICS_PORT is set, otherwise null. */
export async function startMetricsListener(ctx: Context, queues?: Queues | null): Promise<MetricsServer | null> {
  const port = ctx.config.metricsPort;
  if (port === undefined) return null;
  const metrics = createMetrics({ db: ctx.db, log: ctx.log, queues: queues ?? undefined });
  const server = await startMetricsServer({ metrics, host: ctx.config.host, port, log: ctx.log });
  ctx.log.info({ address: server.address }, 'metrics listening on /metrics');
  return server;
}
