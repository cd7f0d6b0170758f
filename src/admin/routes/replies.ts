import type { FastifyInstance } from 'fastify';
import { OfferTriageError } from '../../errors.js';
import { listOutboxAttention, resolveUncertain } from '../../replies/outbox.js';
import { writeAudit } from '../../store/audit.js';
import { idParam, requireRole, seeOther } from '../guard.js';
import type { AdminOptions } from '../options.js';
import { page } from '../render.js';

/**
 * Replies that need a person (coordinators and up): failed (the server refused for good), withheld (the loop
 * rules stopped them) and uncertain (a crash after the server may have accepted the message: SMTP cannot say,
 * so a person decides whether to resend).
 */
export function registerReplies(app: FastifyInstance, opts: AdminOptions): void {
  const coordinator = { preHandler: requireRole('coordinator') };

  app.get('/replies', coordinator, async (req, reply) => {
    const rows = await listOutboxAttention(opts.db.pool, 500);
    const done = (req.query as Record<string, unknown>).done;
    return page(req, reply, 'replies', {
      title: 'Replies needing attention',
      rows,
      done: typeof done === 'string' ? done : null,
    });
  });

  for (const verdict of ['resend', 'sent'] as const) {
    app.post<{ Params: { id: string } }>(
      `/replies/:id/${verdict === 'resend' ? 'resend' : 'mark-sent'}`,
      coordinator,
      async (req, reply) => {
        const id = idParam(req.params.id);
        const leadId = await resolveUncertain(opts.db.pool, id, verdict);
        if (leadId === null) throw new OfferTriageError('OT_ERR_STATE', `reply ${id} is not waiting for a verdict`);
        await writeAudit(opts.db.pool, [
          { actor: req.user!.email, action: `reply.uncertain_${verdict}`, leadId, detail: { outboxId: id } },
        ]);
        if (verdict === 'resend') await opts.nudgeOutbox?.([id]);
        return seeOther(reply, `/replies?done=${id}`);
      },
    );
  }
}
