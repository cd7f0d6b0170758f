import { Eta } from 'eta';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../src/store/db.js';

/**
 * The yardstick for the admin page: a bare fastify page with one 50-row query and an escaping template, as
 * PERFORMANCE.md measured it on this machine kind (5k req/s, p99 30 ms). Served from the same process, pool
 * and leads as the real pages and loaded the same way, so the two are compared on the machine as it is in
 * that run: these two-core VMs differ by a third in speed between sessions, and a p99 alone cannot say
 * whether the page or the machine moved.
 */
const eta = new Eta({ autoEscape: true, cache: true });
const table = eta.compile(
  `<!doctype html><html><head><meta charset="utf-8"><title>Queue</title></head><body><table>` +
    `<% it.rows.forEach(function (r) { %><tr><td><%= r.priority %></td><td><%= r.reference %></td><td><%= r.company %></td>` +
    `<td><%= r.category %></td><td><%= r.status %></td></tr><% }) %></table></body></html>`,
);

export async function referencePage(db: Db): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/', async (_req, reply) => {
    const res = await db.pool.query({
      name: 'bench-reference-page',
      text: `SELECT id, reference, coalesce(organisation, sender_name) AS company, category, status, priority
             FROM leads WHERE status IN ('new', 'in_review') ORDER BY priority DESC, id LIMIT 50`,
    });
    return reply.type('text/html; charset=utf-8').send(eta.render(table, { rows: res.rows }));
  });
  return app;
}
