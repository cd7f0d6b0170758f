import type { FastifyInstance } from 'fastify';
import { OfferTriageError } from '../../errors.js';
import { writeAudit } from '../../store/audit.js';
import { idParam, requireRole, seeOther } from '../guard.js';
import type { AdminOptions } from '../options.js';
import { quarantined } from '../read/reports.js';
import { page } from '../render.js';

/** Messages that could not be processed, with their errors, and a reprocess button (coordinators and up). */
export function registerQuarantine(app: FastifyInstance, opts: AdminOptions): void {
  const coordinator = { preHandler: requireRole('coordinator') };

  app.get('/quarantine', coordinator, async (req, reply) => {
    const rows = await quarantined(opts.db.pool, 500);
    const msg = (req.query as Record<string, unknown>).msg;
    return page(req, reply, 'quarantine', {
      title: 'Quarantine',
      rows,
      canReprocess: !!opts.reprocess,
      msg: typeof msg === 'string' ? msg : null,
    });
  });

  app.post<{ Params: { id: string } }>('/quarantine/:id/reprocess', coordinator, async (req, reply) => {
    const id = idParam(req.params.id);
    if (!opts.reprocess) throw new OfferTriageError('OT_ERR_STATE', 'reprocessing is not available in this process');
    const res = await opts.db.query(`SELECT 1 FROM messages WHERE id = $1 AND status = 'quarantined'`, [id]);
    if (res.rowCount === 0) throw new OfferTriageError('OT_ERR_NOT_FOUND', `no quarantined message ${id}`);
    await opts.reprocess(id);
    await writeAudit(opts.db.pool, [{ actor: req.user!.email, action: 'message.reprocess_requested', messageId: id }]);
    return seeOther(reply, `/quarantine?msg=${id}`);
  });
}
