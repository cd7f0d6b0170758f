import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES } from '../../core/types.js';
import { LEAD_STATUSES } from '../../store/queue.js';
import { requireRole } from '../guard.js';
import type { AdminOptions } from '../options.js';
import { auditPage, categoryFacts, categoryStatusMatrix, perDay } from '../read/reports.js';
import { page } from '../render.js';
import { topicSnippets } from '../snippets.js';

/** Coordinator reports: category × status, per day, what offers said per category, and the audit log. */
const AUDIT_PAGE = 100;

export function registerReports(app: FastifyInstance, opts: AdminOptions): void {
  const { db } = opts;
  const coordinator = { preHandler: requireRole('coordinator') };

  app.get('/reports', coordinator, async (req, reply) => {
    const { days } = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).parse(req.query);
    const [matrix, daily] = await Promise.all([categoryStatusMatrix(db.pool), perDay(db.pool, days)]);
    const cell = new Map(matrix.map((m) => [`${m.category}/${m.status}`, m.n]));
    return page(req, reply, 'reports', {
      title: 'Reports',
      categories: CATEGORIES,
      statuses: LEAD_STATUSES,
      cell,
      daily,
      days,
    });
  });

  app.get('/reports/summary', coordinator, async (req, reply) => {
    const facts = await categoryFacts(db.pool, 300);
    const rows = facts.map((f) => ({ ...f, snippets: topicSnippets(f.texts, 8) }));
    return page(req, reply, 'summary', { title: 'What offers said, per category', rows });
  });

  app.get('/audit', coordinator, async (req, reply) => {
    const q = z
      .object({
        actor: z
          .string()
          .trim()
          .max(320)
          .optional()
          .transform((v) => v || undefined),
        lead: z
          .string()
          .regex(/^\d*$/)
          .optional()
          .transform((v) => (v ? Number(v) : undefined)),
        before: z
          .string()
          .regex(/^\d*$/)
          .optional()
          .transform((v) => (v ? Number(v) : undefined)),
      })
      .parse(req.query);
    const rows = await auditPage(db.pool, { actor: q.actor, leadId: q.lead, beforeId: q.before }, AUDIT_PAGE);
    const more =
      rows.length === AUDIT_PAGE
        ? new URLSearchParams({
            ...(q.actor ? { actor: q.actor } : {}),
            ...(q.lead ? { lead: String(q.lead) } : {}),
            before: String(rows.at(-1)!.id),
          }).toString()
        : null;
    return page(req, reply, 'audit', { title: 'Audit log', rows, q, more });
  });
}
