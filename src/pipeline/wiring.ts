import type { Context } from '../context.js';
import { analyse } from '../core/analyse.js';
import { enqueueSend, type Queues } from '../queue/queues.js';
import type { ProcessDeps } from './process.js';

/**
 * The processor's dependencies for a running command: the real core, and, with queues, send jobs nudged
 * after each commit (in-process runs send due outbox rows themselves afterwards).
 */
export function processDeps(ctx: Context, queues?: Queues): ProcessDeps {
  return {
    db: ctx.db,
    log: ctx.log,
    analyse,
    enqueueSend: queues ? (ids) => enqueueSend(queues.send, ids) : undefined,
  };
}
