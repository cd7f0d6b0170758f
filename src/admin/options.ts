import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { OnDecided } from '../pipeline/events.js';
import type { Db } from '../store/db.js';
import type { SessionUser } from '../store/users.js';

/** What `build` needs; everything with side effects outside PostgreSQL is injected so tests can stub it. */
export interface AdminOptions {
  db: Db;
  config: Readonly<Config>;
  /** signs the session and CSRF cookies; at least 32 characters */
  sessionSecret: string;
  log?: Logger;
  /** the replies module: queues the reply a decision calls for, inside the decision's transaction */
  onDecided?: OnDecided;
  /** puts outbox rows written by onDecided onto the send queue, after commit */
  nudgeOutbox?: (outboxIds: number[]) => Promise<void>;
  /** the pipeline: puts a quarantined message back through processing */
  reprocess?: (messageId: number) => Promise<void>;
  /** checked by /readyz when configured */
  redis?: { ping(): Promise<unknown> };
  /** how long the queue page's per-category counts are reused; 5000 ms unless set (0 in tests) */
  countsCacheMs?: number;
  /** how long this process reuses a session lookup; 5000 ms unless set. Other processes see a logout within it. */
  sessionCacheMs?: number;
  /** seconds a session lives; 12 hours unless set */
  sessionTtlSeconds?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}
