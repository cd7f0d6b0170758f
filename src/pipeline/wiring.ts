import type { Context } from '../context.js';
import { analyseBatch } from '../core/analyse.js';
import { enqueueSend, type Queues } from '../queue/queues.js';
import { createRouteReplies } from '../replies/route-replies.js';
import { createReplyTransport } from '../replies/transport.js';
import type { SendDeps } from '../replies/send.js';
import type { ProcessDeps } from './process.js';

/**
 * The processor's dependencies for a running command: the real core under the configured limits, the
 * replies module's routing hook (outbox rows in the same transaction), and, with queues, send jobs nudged
 * after each commit (in-process runs send the due outbox rows themselves afterwards).
 */
export function processDeps(ctx: Context, queues?: Queues): ProcessDeps {
  const limits = { maxBytes: ctx.config.maxMessageBytes, timeoutMs: ctx.config.parseTimeoutMs };
  return {
    db: ctx.db,
    log: ctx.log,
    analyse: (raws) => analyseBatch(raws, limits),
    onRouted: createRouteReplies(ctx.config),
    enqueueSend: queues ? (ids) => enqueueSend(queues.send, ids) : undefined,
  };
}

/** Sending needs SMTP_URL; without it replies wait in the outbox (pending) until a sender is configured. */
export function sendDeps(ctx: Context): SendDeps | null {
  if (!ctx.config.smtpUrl) return null;
  const transport = createReplyTransport({
    url: ctx.config.smtpUrl,
    maxConnections: ctx.config.smtpMaxConnections,
    ratePerSecond: ctx.config.smtpRatePerSecond,
  });
  return { db: ctx.db, config: ctx.config, log: ctx.log, transport };
}
