import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/admin/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, Client, seedLead } from './admin-fixtures.js';

/**
 * Replies that need a person: a crash after the SMTP server may have accepted a reply leaves it `uncertain`;
 * a coordinator sees it with the failed and withheld ones and decides: resend it, or mark it sent.
 */
let t: TestDb;
let app: FastifyInstance;
const nudged: number[][] = [];

async function outboxRow(
  leadId: number,
  template: string,
  state: string,
  extra: { reason?: string; error?: string } = {},
): Promise<number> {
  const res = await t.db.query<{ id: number }>(
    `INSERT INTO outbox (lead_id, template, language, state, to_email, subject, text_body, html_body, message_id, withheld_reason, error)
     VALUES ($1, $2, 'nl', $3, 'jan@maskers.example', 'Re: aanbod', 'tekst', '<p>tekst</p>', $4, $5, $6) RETURNING id`,
    [
      leadId,
      template,
      state,
      `<${template}.${leadId}.${state}@crisisteam.example>`,
      extra.reason ?? null,
      extra.error ?? null,
    ],
  );
  return res.rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestDb('admin_replies');
  app = await build({
    db: t.db,
    config: loadConfig({}),
    sessionSecret: 'a-test-secret-that-is-long-enough-000000',
    nudgeOutbox: async (ids) => {
      nudged.push(ids);
    },
  });
  await addUser(t.db, 'rita@team.example', 'reviewer');
  await addUser(t.db, 'cor@team.example', 'coordinator');
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('replies needing attention', () => {
  it('lists uncertain, failed and withheld replies; a coordinator resends or marks one sent, audited', async () => {
    const a = await seedLead(t.db);
    const b = await seedLead(t.db);
    const uncertain = await outboxRow(a.leadId, 'acknowledgement', 'uncertain');
    const uncertain2 = await outboxRow(b.leadId, 'acknowledgement', 'uncertain');
    await outboxRow(a.leadId, 'shortlisted', 'failed', { error: '550 mailbox unavailable' });
    await outboxRow(b.leadId, 'declined', 'withheld', { reason: 'recipient is a no-reply address' });
    await outboxRow(b.leadId, 'referral', 'sent');

    const cor = new Client(app);
    await cor.login('cor@team.example');
    const list = await cor.get('/replies');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('550 mailbox unavailable');
    expect(list.body).toContain('recipient is a no-reply address');
    expect(list.body).toContain(`/replies/${uncertain}/resend`);
    expect(list.body).not.toContain('>referral<');

    expect((await cor.post(`/replies/${uncertain}/resend`)).statusCode).toBe(303);
    expect((await cor.post(`/replies/${uncertain2}/mark-sent`)).statusCode).toBe(303);
    const states = await t.db.query<{ id: number; state: string }>(
      'SELECT id, state FROM outbox WHERE id = ANY($1) ORDER BY id',
      [[uncertain, uncertain2]],
    );
    expect(states.rows.map((r) => r.state)).toEqual(['pending', 'sent']);
    expect(nudged).toEqual([[uncertain]]);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'reply.%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['reply.uncertain_resend', 'reply.uncertain_sent']);

    // a second verdict on the same reply is refused: it is no longer uncertain
    expect((await cor.post(`/replies/${uncertain}/resend`)).statusCode).toBe(409);
  });

  it('is not for reviewers, and refuses a verdict without a CSRF token', async () => {
    const lead = await seedLead(t.db);
    const id = await outboxRow(lead.leadId, 'acknowledgement', 'uncertain');
    const rita = new Client(app);
    await rita.login('rita@team.example');
    expect((await rita.get('/replies')).statusCode).toBe(403);
    expect((await rita.post(`/replies/${id}/resend`)).statusCode).toBe(403);

    const cor = new Client(app);
    await cor.login('cor@team.example');
    expect((await cor.request('POST', `/replies/${id}/resend`, { _csrf: 'forged' })).statusCode).toBe(403);
    const row = await t.db.query<{ state: string }>('SELECT state FROM outbox WHERE id = $1', [id]);
    expect(row.rows[0]!.state).toBe('uncertain');
  });
});
