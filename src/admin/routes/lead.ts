import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES } from '../../core/types.js';
import { OfferTriageError } from '../../errors.js';
import { DECISIONS } from '../../pipeline/events.js';
import { releaseClaim } from '../../store/queue.js';
import { addNote, correctCategory, decideLead, RUBRIC, scoreLead } from '../../store/reviews.js';
import { idParam, seeOther } from '../guard.js';
import { contentDisposition, findAttachment, MAIL_VIEWS, renderMailDocument } from '../mail-view.js';
import type { AdminOptions } from '../options.js';
import { attachmentSource, leadRawMessage, loadLead } from '../read/lead.js';
import { page } from '../render.js';
import { averageScores } from '../scores.js';

/**
 * One lead: the facts, the original mail (in a sandboxed frame, from its own route with its own CSP),
 * attachments as downloads, and the reviewer's actions. Actions answer 303 back to the lead page.
 */
// The frame document may show inline styles and inline (data:) images, and nothing else: no script, no
// fetch, no form, no navigation of the parent. The page frames it with sandbox="" on top of this.
const MAIL_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const mark = z.coerce.number().int().min(1).max(5);
const scoreBody = z.object({
  capacity: mark,
  lead_time: mark,
  quality: mark,
  credibility: mark,
  price_fit: mark,
  comment: z.string().max(4000).default(''),
}) satisfies z.ZodType<Record<(typeof RUBRIC)[number], number> & { comment: string }>;
const mailQuery = z.object({ view: z.enum(MAIL_VIEWS).default('offer') });
const decideBody = z.object({
  decision: z.enum(DECISIONS),
  duplicate_of: z.string().trim().max(100).default(''),
  comment: z.string().max(4000).default(''),
});

export function registerLead(app: FastifyInstance, opts: AdminOptions): void {
  const { db } = opts;
  app.get<{ Params: { id: string } }>('/leads/:id', async (req, reply) => {
    const id = idParam(req.params.id);
    const lead = await loadLead(db.pool, id);
    if (!lead) throw new OfferTriageError('OT_ERR_NOT_FOUND', `lead ${id}`);
    const query = req.query as Record<string, unknown>;
    const mine = lead.claimedBy === req.user!.email;
    return page(req, reply, 'lead', {
      title: `${lead.reference} ${lead.organisation ?? lead.senderEmail ?? ''}`,
      lead,
      mine,
      average: averageScores(lead.reviews),
      myScore: lead.reviews.find((r) => r.reviewer === req.user!.email) ?? null,
      categories: CATEGORIES,
      decisions: DECISIONS,
      rubric: RUBRIC,
      mailView: query.mail === 'received' ? 'received' : 'offer',
      msg: typeof query.msg === 'string' ? query.msg : null,
    });
  });

  app.get<{ Params: { id: string } }>('/leads/:id/mail', async (req, reply) => {
    const source = await leadRawMessage(db.pool, idParam(req.params.id));
    if (!source) throw new OfferTriageError('OT_ERR_NOT_FOUND', 'no stored message for this lead');
    const html = await renderMailDocument(source.raw, mailQuery.parse(req.query).view);
    return reply
      .header('content-security-policy', MAIL_CSP)
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.get<{ Params: { id: string; message: string; position: string } }>(
    '/leads/:id/attachments/:message/:position',
    async (req, reply) => {
      const row = await attachmentSource(
        db.pool,
        idParam(req.params.id),
        idParam(req.params.message),
        idParam(req.params.position),
      );
      if (!row) throw new OfferTriageError('OT_ERR_NOT_FOUND', 'no such attachment');
      const found = await findAttachment(row.raw, row.sha256);
      if (!found) throw new OfferTriageError('OT_ERR_NOT_FOUND', 'attachment bytes not found in the stored message');
      // Always a download, never rendered: a generic type, nosniff (helmet), and a sandboxing CSP in case a
      // browser opens it anyway.
      return reply
        .type('application/octet-stream')
        .header('content-disposition', contentDisposition(row.filename))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(found.content);
    },
  );

  app.post<{ Params: { id: string } }>('/leads/:id/score', async (req, reply) => {
    const id = idParam(req.params.id);
    await scoreLead(db, id, req.user!, scoreBody.parse(req.body));
    return seeOther(reply, `/leads/${id}?msg=scored`);
  });

  app.post<{ Params: { id: string } }>('/leads/:id/category', async (req, reply) => {
    const id = idParam(req.params.id);
    const { category } = z.object({ category: z.enum(CATEGORIES) }).parse(req.body);
    await correctCategory(db, id, req.user!, category);
    return seeOther(reply, `/leads/${id}?msg=category`);
  });

  app.post<{ Params: { id: string } }>('/leads/:id/decide', async (req, reply) => {
    const id = idParam(req.params.id);
    const body = decideBody.parse(req.body);
    const duplicateOf = body.decision === 'duplicate' ? await resolveLead(body.duplicate_of) : null;
    const outboxIds = await decideLead(
      db,
      id,
      req.user!,
      { decision: body.decision, duplicateOf, comment: body.comment },
      opts.onDecided,
    );
    if (outboxIds.length > 0 && opts.nudgeOutbox) {
      // The rows are committed; a lost nudge is picked up by the outbox sweeper, so it must not fail the decision.
      await opts
        .nudgeOutbox(outboxIds)
        .catch((err) => req.log.warn({ err, outboxIds }, 'could not queue reply sending'));
    }
    return seeOther(reply, `/leads/${id}?msg=decided`);
  });

  app.post<{ Params: { id: string } }>('/leads/:id/notes', async (req, reply) => {
    const id = idParam(req.params.id);
    const { body } = z.object({ body: z.string().trim().min(1).max(10000) }).parse(req.body);
    await addNote(db, id, req.user!, body);
    return seeOther(reply, `/leads/${id}?msg=noted`);
  });

  app.post<{ Params: { id: string } }>('/leads/:id/release', async (req, reply) => {
    const id = idParam(req.params.id);
    await releaseClaim(db.pool, id, req.user!.id);
    return seeOther(reply, '/');
  });

  /** A duplicate is named by its id or its reference, whichever the reviewer has at hand. */
  async function resolveLead(ref: string): Promise<number> {
    const res = await db.query<{ id: number }>(
      'SELECT id FROM leads WHERE reference = $1 OR ($2::bigint IS NOT NULL AND id = $2) LIMIT 1',
      [ref, /^\d{1,15}$/.test(ref) ? Number(ref) : null],
    );
    const id = res.rows[0]?.id;
    if (id === undefined)
      throw new OfferTriageError('OT_ERR_NOT_FOUND', `no lead "${ref}" to mark this a duplicate of`);
    return id;
  }
}
