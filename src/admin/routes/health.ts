import type { FastifyInstance } from 'fastify';
import type { AdminOptions } from '../options.js';

/** /healthz: the process answers. /readyz: its dependencies answer too (PostgreSQL, and Redis when configured). */
export function registerHealth(app: FastifyInstance, opts: AdminOptions): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_req, reply) => {
    const checks: Record<string, string> = {};
    const probe = async (name: string, fn: () => Promise<unknown>) => {
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref()),
        ]);
        checks[name] = 'ok';
      } catch (err) {
        checks[name] = err instanceof Error ? err.message : String(err);
      }
    };
    await Promise.all([
      probe('postgres', () => opts.db.query('SELECT 1')),
      opts.redis ? probe('redis', () => opts.redis!.ping()) : undefined,
    ]);
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ok ? 200 : 503).send({ ok, checks });
  });
}
