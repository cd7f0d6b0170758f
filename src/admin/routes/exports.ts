import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { requireRole } from '../guard.js';
import type { AdminOptions } from '../options.js';
import { shortlist, type ShortlistRow } from '../read/reports.js';
import { page } from '../render.js';

/**
 * The shortlist for partner organisations, as CSV and as a printable page. By default the shortlisted leads;
 * `?status=` widens it (for example forwarded,shortlisted for the overview of supported initiatives).
 */
const EXPORTABLE = ['shortlisted', 'forwarded', 'declined', 'redirected', 'duplicate', 'new', 'in_review'] as const;
const statusQuery = z.object({
  status: z
    .string()
    .default('shortlisted')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(EXPORTABLE)).min(1)),
});

const COLUMNS: Array<[string, (r: ShortlistRow) => unknown]> = [
  ['reference', (r) => r.reference],
  ['status', (r) => r.status],
  ['category', (r) => r.category],
  ['organisation', (r) => r.organisation],
  ['contact', (r) => r.senderName],
  ['email', (r) => r.senderEmail],
  ['phone', (r) => r.phone],
  ['website', (r) => r.website],
  ['kvk', (r) => r.kvk],
  ['forwarded_by', (r) => r.forwarders.join('; ')],
  ['quantities', (r) => r.quantities.join('; ')],
  ['lead_time', (r) => r.leadTime],
  ['certifications', (r) => r.certifications.join('; ')],
  ['average_score', (r) => r.averageScore],
  ['reviewers', (r) => r.reviewers],
  ['decided_by', (r) => r.decidedBy],
  ['decided_at', (r) => r.decidedAt?.toISOString() ?? null],
  ['decision_comment', (r) => r.decisionComment],
];

// Spreadsheets execute cells starting with = + - @ (CSV injection); a leading apostrophe keeps them text.
const defuse = (v: unknown): unknown => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function registerExports(app: FastifyInstance, opts: AdminOptions): void {
  const coordinator = { preHandler: requireRole('coordinator') };

  app.get('/reports/shortlist.csv', coordinator, async (req, reply) => {
    const { status } = statusQuery.parse(req.query);
    const rows = await shortlist(opts.db.pool, status);
    const csv = stringify(
      rows.map((r) => COLUMNS.map(([, get]) => defuse(get(r)))),
      { header: true, columns: COLUMNS.map(([name]) => name), bom: true },
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="shortlist-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });

  app.get('/reports/shortlist', coordinator, async (req, reply) => {
    const { status } = statusQuery.parse(req.query);
    const rows = await shortlist(opts.db.pool, status);
    return page(req, reply, 'shortlist', {
      title: 'Shortlist',
      rows,
      status: status.join(','),
      generatedAt: new Date(),
    });
  });
}
