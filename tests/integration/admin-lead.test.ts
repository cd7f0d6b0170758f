import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/admin/app.js';
import { loadConfig } from '../../src/config.js';
import type { LeadDecided } from '../../src/pipeline/events.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, Client, rawMail, seedLead } from './admin-fixtures.js';

let t: TestDb;
let app: FastifyInstance;
const decided: LeadDecided[] = [];
const nudged: number[][] = [];
const reprocessed: number[] = [];

const PDF = Buffer.from('%PDF-1.4 spec sheet for FFP2 masks\n');
const withAttachment = [
  'From: Jan <jan@maskers.example>',
  'To: aanbod@crisisteam.example',
  'Subject: Spec',
  'Message-ID: <spec.1@maskers.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello <b>team</b><script>alert(1)</script><img src="http://tracker.example/pixel.gif" onerror="alert(2)"><a href="javascript:alert(3)">x</a></p>',
  '--b',
  'Content-Type: application/pdf; name="spec.pdf"',
  'Content-Disposition: attachment; filename="spec.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  PDF.toString('base64'),
  '--b--',
  '',
].join('\r\n');

const CERT = Buffer.from('%PDF-1.4 CE certificate FFP2, notified body 2163\n');
const innerOffer = [
  'From: Sales <sales@maskfab.example>',
  'To: info@fme.example',
  'Subject: Offer FFP2 masks',
  'Message-ID: <offer.7@maskfab.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="in"',
  '',
  '--in',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>We can deliver <b>200.000 FFP2 masks</b> per week.<script>alert(1)</script></p>',
  '--in',
  'Content-Type: application/pdf; name="ce-certificate.pdf"',
  'Content-Disposition: attachment; filename="ce-certificate.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  CERT.toString('base64'),
  '--in--',
  '',
].join('\r\n');
/** An association's forward with the company's mail attached as message/rfc822. */
const attachedForward = [
  'From: Piet <desk@fme.example>',
  'To: aanbod@crisisteam.example',
  'Subject: Fwd: Offer FFP2 masks',
  'Message-ID: <fwd.7@fme.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="out"',
  '',
  '--out',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Ter info, zie bijlage. Groet, Piet (FME)</p>',
  '--out',
  'Content-Type: message/rfc822',
  'Content-Disposition: attachment; filename="offer.eml"',
  '',
  innerOffer,
  '--out--',
  '',
].join('\r\n');
/** The same offer forwarded inline, as Gmail writes it. */
const inlineForward = rawMail(
  'Fwd: Offer gowns',
  [
    'Ter info. Groet, Piet (FME)',
    '',
    '---------- Forwarded message ---------',
    'From: Sales <sales@gownfab.example>',
    'Date: Thu, 19 Mar 2020 at 16:02',
    'Subject: Offer gowns',
    'To: <info@fme.example>',
    '',
    'We have 40.000 isolation gowns in stock, EN 13795.',
    '',
  ].join('\r\n'),
);

beforeAll(async () => {
  t = await createTestDb('admin_lead');
  app = await build({
    db: t.db,
    config: loadConfig({}),
    sessionSecret: 'a-test-secret-that-is-long-enough-000000',
    onDecided: async (tx, event) => {
      decided.push(event);
      const row = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM decisions WHERE lead_id = $1', [
        event.leadId,
      ]);
      return [1000 + row.rows[0]!.n];
    },
    nudgeOutbox: async (ids) => {
      nudged.push(ids);
    },
    reprocess: async (id) => {
      reprocessed.push(id);
    },
  });
  await addUser(t.db, 'rita@team.example', 'reviewer');
  await addUser(t.db, 'rob@team.example', 'reviewer');
  await addUser(t.db, 'cor@team.example', 'coordinator');
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the lead page', () => {
  it('shows the facts, a sandboxed frame for the mail, and attachments as downloads', async () => {
    const { leadId, messageId } = await seedLead(t.db, {
      raw: withAttachment,
      organisation: 'Maskers <B.V.>',
      forwardedBy: 'desk@fme.example',
    });
    const sha = (await import('node:crypto')).createHash('sha256').update(PDF).digest('hex');
    await t.db.query(`INSERT INTO message_attachments VALUES ($1, 0, 'spec.pdf', 'application/pdf', $2, $3)`, [
      messageId,
      PDF.length,
      sha,
    ]);
    const c = new Client(app);
    await c.login('rita@team.example');
    const page = await c.get(`/leads/${leadId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Maskers &lt;B.V.&gt;');
    expect(page.body).toContain('12345678');
    expect(page.body).toContain('desk@fme.example');
    expect(page.body).toContain('500.000 per week');
    expect(page.body).toContain('EN 14683 type IIR');
    expect(page.body).toContain('None yet.');
    await t.db.query(
      `INSERT INTO outbox (lead_id, template, language, state, to_email, subject, text_body, html_body, message_id, withheld_reason, created_at)
       VALUES ($1, 'acknowledgement', 'nl', 'withheld', 'jan@maskers.example', 'Ontvangen', '', '', $2, 'auto-reply', '2020-03-20T09:15:00Z')`,
      [leadId, `<ack.${leadId}@crisisteam.example>`],
    );
    expect((await c.get(`/leads/${leadId}`)).body).toMatch(
      /<td>acknowledgement<\/td><td>withheld <small class="error">auto-reply<\/small><\/td><td>jan@maskers.example<\/td><td>2020-03-20 09:15<\/td>/,
    );
    expect(page.body).toMatch(/<iframe src="\/leads\/\d+\/mail\?view=offer" sandbox=""/);

    const mail = await c.get(`/leads/${leadId}/mail`);
    expect(mail.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(mail.body).toContain('<b>team</b>');
    expect(mail.body).not.toMatch(/<script|onerror|javascript:|tracker\.example/i);

    const file = await c.get(`/leads/${leadId}/attachments/${messageId}/0`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="spec.pdf"/);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('opens on the forwarded original, keeps the mail as received one tab away, and downloads its attachments', async () => {
    const { leadId, messageId } = await seedLead(t.db, { raw: attachedForward, forwardedBy: 'desk@fme.example' });
    const sha = (await import('node:crypto')).createHash('sha256').update(CERT).digest('hex');
    await t.db.query(
      `INSERT INTO message_attachments VALUES ($1, 0, 'ce-certificate.pdf', 'application/pdf', $2, $3)`,
      [messageId, CERT.length, sha],
    );
    const c = new Client(app);
    await c.login('rita@team.example');
    const page = await c.get(`/leads/${leadId}`);
    expect(page.body).toMatch(/<iframe src="\/leads\/\d+\/mail\?view=offer" sandbox=""/);
    expect(page.body).toMatch(/href="\/leads\/\d+\?mail=received#mail"/);
    expect(page.body).toContain('ce-certificate.pdf');
    expect((await c.get(`/leads/${leadId}?mail=received`)).body).toMatch(
      /<iframe src="\/leads\/\d+\/mail\?view=received"/,
    );

    const offer = await c.get(`/leads/${leadId}/mail?view=offer`);
    expect(offer.body).toContain('<b>200.000 FFP2 masks</b>');
    expect(offer.body).not.toContain('Groet, Piet');
    expect(offer.body).not.toMatch(/<script/i);
    expect((await c.get(`/leads/${leadId}/mail`)).body).toBe(offer.body);
    const received = await c.get(`/leads/${leadId}/mail?view=received`);
    expect(received.body).toContain('Groet, Piet (FME)');
    for (const r of [offer, received]) {
      expect(r.headers['content-security-policy']).toMatch(/^default-src 'none'; img-src data:;/);
    }

    const file = await c.get(`/leads/${leadId}/attachments/${messageId}/0`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="ce-certificate.pdf"/);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.rawPayload.equals(CERT)).toBe(true);
  });

  it('shows the forwarded part of an inline forward as text, escaped', async () => {
    const { leadId } = await seedLead(t.db, { raw: inlineForward, forwardedBy: 'desk@fme.example' });
    const c = new Client(app);
    await c.login('rita@team.example');
    const offer = await c.get(`/leads/${leadId}/mail`);
    expect(offer.body).toMatch(/<pre>[^<]*We have 40.000 isolation gowns in stock, EN 13795./);
    expect(offer.body).not.toContain('Ter info');
    expect((await c.get(`/leads/${leadId}/mail?view=received`)).body).toContain('Ter info');
    expect((await c.get(`/leads/${leadId}/mail?view=other`)).statusCode).toBe(400);
  });

  it('averages scores from several reviewers and refuses to score a lead someone else holds', async () => {
    const { leadId } = await seedLead(t.db);
    const rita = new Client(app);
    const rob = new Client(app);
    await rita.login('rita@team.example');
    await rob.login('rob@team.example');
    const marks = (n: string) => ({
      capacity: n,
      lead_time: n,
      quality: n,
      credibility: n,
      price_fit: n,
      comment: 'ok',
    });
    expect((await rita.post(`/leads/${leadId}/score`, marks('4'))).statusCode).toBe(303);
    expect((await rob.post(`/leads/${leadId}/score`, marks('2'))).statusCode).toBe(303);
    expect((await rita.get(`/leads/${leadId}`)).body).toMatch(/average <b id="avg-score">3<\/b> of 2 reviewers/);
    expect((await rita.post(`/leads/${leadId}/score`, marks('9'))).statusCode).toBe(400);

    await t.db.query(
      `UPDATE leads SET claimed_by = (SELECT id FROM users WHERE email = 'rob@team.example'), claim_expires_at = now() + interval '10 minutes' WHERE id = $1`,
      [leadId],
    );
    expect((await rita.post(`/leads/${leadId}/score`, marks('5'))).statusCode).toBe(409);
    expect((await rita.post(`/leads/${leadId}/decide`, { decision: 'declined' })).statusCode).toBe(409);
    const kept = await t.db.query(
      `SELECT capacity FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE u.email = 'rita@team.example' AND lead_id = $1`,
      [leadId],
    );
    expect(kept.rows[0]!.capacity).toBe(4);
  });

  it('a decision sets the status, writes the decision and audit rows, calls the reply hook and nudges its outbox rows', async () => {
    const { leadId } = await seedLead(t.db);
    const c = new Client(app);
    await c.login('rita@team.example');
    const res = await c.post(`/leads/${leadId}/decide`, { decision: 'shortlisted', comment: 'strong offer' });
    expect(res.statusCode).toBe(303);
    const lead = await t.db.query('SELECT status, claimed_by FROM leads WHERE id = $1', [leadId]);
    expect(lead.rows[0]).toEqual({ status: 'shortlisted', claimed_by: null });
    const audit = await t.db.query(
      `SELECT actor, detail FROM audit_log WHERE lead_id = $1 AND action = 'lead.decided'`,
      [leadId],
    );
    expect(audit.rows[0]!.actor).toBe('rita@team.example');
    expect(audit.rows[0]!.detail.decision).toBe('shortlisted');
    expect(decided.at(-1)).toEqual({ leadId, decision: 'shortlisted', actor: 'rita@team.example' });
    expect(nudged.at(-1)).toEqual([1001]);
  });

  it('a duplicate names its original; a category correction keeps the classifier label', async () => {
    const original = await seedLead(t.db, { reference: 'OT-ORIGINAL' });
    const copy = await seedLead(t.db);
    const c = new Client(app);
    await c.login('rob@team.example');
    expect((await c.post(`/leads/${copy.leadId}/decide`, { decision: 'duplicate', duplicate_of: '' })).statusCode).toBe(
      404,
    );
    expect(
      (await c.post(`/leads/${copy.leadId}/decide`, { decision: 'duplicate', duplicate_of: 'OT-ORIGINAL' })).statusCode,
    ).toBe(303);
    expect(
      (await t.db.query('SELECT duplicate_of FROM leads WHERE id = $1', [copy.leadId])).rows[0]!.duplicate_of,
    ).toBe(original.leadId);
    expect((await c.get(`/leads/${original.leadId}`)).body).toContain(`/leads/${copy.leadId}`);

    expect((await c.post(`/leads/${original.leadId}/category`, { category: 'materials' })).statusCode).toBe(303);
    const corr = await t.db.query(
      'SELECT predicted_category, from_category, to_category FROM category_corrections WHERE lead_id = $1',
      [original.leadId],
    );
    expect(corr.rows).toEqual([{ predicted_category: 'masks', from_category: 'masks', to_category: 'materials' }]);
    expect((await c.post(`/leads/${original.leadId}/notes`, { body: 'called them <b>back</b>' })).statusCode).toBe(303);
    expect((await c.get(`/leads/${original.leadId}`)).body).toContain('called them &lt;b&gt;back&lt;/b&gt;');
  });

  it("a lead's history shows notes, category corrections and decisions oldest first, each with who did it", async () => {
    const { leadId } = await seedLead(t.db);
    const rob = new Client(app);
    await rob.login('rob@team.example');
    const rita = new Client(app);
    await rita.login('rita@team.example');
    expect((await rob.post(`/leads/${leadId}/notes`, { body: 'asked for the CE certificate' })).statusCode).toBe(303);
    expect((await rita.post(`/leads/${leadId}/category`, { category: 'gowns' })).statusCode).toBe(303);
    expect((await rob.post(`/leads/${leadId}/decide`, { decision: 'declined', comment: 'no certificate' })).statusCode).toBe(
      303,
    );
    const page = (await rita.get(`/leads/${leadId}`)).body;
    const history = page.slice(page.indexOf('class="plain history"'));
    const note = history.indexOf('rob@team.example</small>\n<br>asked for the CE certificate');
    const correction = history.indexOf('rita@team.example</small>\n category masks → gowns');
    const decision = history.indexOf('rob@team.example</small>\n decided <b>declined</b> no certificate');
    expect([note, correction, decision].every((i) => i > 0)).toBe(true);
    expect(note).toBeLessThan(correction);
    expect(correction).toBeLessThan(decision);
  });
});

describe('quarantine and reports', () => {
  it('lists quarantined messages with their error and reprocesses one on request', async () => {
    const raw = Buffer.from(rawMail('broken', 'x'));
    const m = await t.db.query<{ id: number }>(
      `INSERT INTO messages (sha256, size, raw, source, status, error_code, error) VALUES ('q1', $1, $2, 'import', 'quarantined', 'OT_ERR_PARSE', 'bad MIME') RETURNING id`,
      [raw.length, raw],
    );
    const c = new Client(app);
    await c.login('cor@team.example');
    const page = await c.get('/quarantine');
    expect(page.body).toContain('OT_ERR_PARSE');
    expect(page.body).toContain('bad MIME');
    expect((await c.post(`/quarantine/${m.rows[0]!.id}/reprocess`)).statusCode).toBe(303);
    expect(reprocessed).toEqual([m.rows[0]!.id]);
  });

  it('the shortlist CSV, printable page, overview, summary and audit log show the decisions', async () => {
    const c = new Client(app);
    await c.login('cor@team.example');
    const csv = await c.get('/reports/shortlist.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^reference,status,category,organisation/);
    expect(lines.filter((l) => l.includes(',shortlisted,'))).toHaveLength(1);
    expect(csv.body).toContain('strong offer');
    expect((await c.get('/reports/shortlist')).body).toContain('strong offer');
    const overview = (await c.get('/reports')).body;
    expect(overview).toMatch(/status=shortlisted&category=masks">1</);
    const summary = (await c.get('/reports/summary')).body;
    expect(summary).toContain('meltblown filtermateriaal');
    expect((await c.get('/audit')).body).toContain('lead.decided');
  });
});
