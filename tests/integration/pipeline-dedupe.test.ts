import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { analysis, FixtureCore } from '../support/analysis-fixture.js';
import { createLogger } from '../../src/log.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { processMessage, type ProcessDeps } from '../../src/pipeline/process.js';
import { readStats } from '../../src/store/stats.js';
import { createDb, type Db } from '../../src/store/db.js';

let t: TestDb;
const core = new FixtureCore();
const log = createLogger({ level: 'silent' });
let deps: ProcessDeps;

beforeAll(async () => {
  t = await createTestDb('pipeline_dedupe');
  deps = { db: t.db, log, analyse: core.analyse };
});
afterAll(async () => t?.drop());

async function store(...raws: Buffer[]): Promise<number[]> {
  const refs = await storeRawMessages(t.db, raws.map((raw, i) => ({ raw, source: 'import' as const, mailbox: 'import:test', uidvalidity: 0, uid: Date.now() * 100 + i })));
  return refs.map((r) => r.id);
}

async function sourcesOf(leadId: number) {
  const res = await t.db.query<{ message_id: number; kind: string; forwarded_by_email: string | null }>(
    'SELECT message_id, kind, forwarded_by_email FROM lead_sources WHERE lead_id = $1 ORDER BY message_id',
    [leadId],
  );
  return res.rows;
}

const fme = { email: 'desk@fme.nl', name: 'FME' };
const hightech = { email: 'info@hightechnl.nl', name: 'HightechNL' };

describe('processMessage', () => {
  it('makes a review lead with a reference, source, attachments, audit rows and the processed message', async () => {
    const [id] = await store(
      core.message(analysis({ messageId: '<a1@maskers.nl>', attachments: [{ filename: 'spec.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32) }] })),
    );
    const out = await processMessage(deps, id!);
    expect(out).toMatchObject({ status: 'processed', route: 'review', newLead: true });
    const leadId = (out as { leadId: number }).leadId;
    const lead = (await t.db.query('SELECT * FROM leads WHERE id = $1', [leadId])).rows[0]!;
    expect(lead).toMatchObject({ status: 'new', route: 'review', category: 'masks', kvk: '12345678', original_message_id: '<a1@maskers.nl>' });
    expect(lead.reference).toBe(`OT-${String(leadId).padStart(6, '0')}`);
    expect(lead.priority).toBeGreaterThan(50);
    expect(await sourcesOf(leadId)).toEqual([{ message_id: id, kind: 'original', forwarded_by_email: null }]);
    const msg = (await t.db.query('SELECT status, route, lead_id, analysis FROM messages WHERE id = $1', [id])).rows[0]!;
    expect(msg).toMatchObject({ status: 'processed', route: 'review', lead_id: leadId });
    expect(msg.analysis.sender.email).toBe('info@maskers.nl');
    expect((await t.db.query('SELECT filename, sha256 FROM message_attachments WHERE message_id = $1', [id])).rows).toEqual([{ filename: 'spec.pdf', sha256: 'ab'.repeat(32) }]);
    const actions = (await t.db.query('SELECT action FROM audit_log WHERE message_id = $1 ORDER BY id', [id])).rows.map((r) => r.action);
    expect(actions).toEqual(['lead.created', 'message.processed']);
    expect(await processMessage(deps, id!)).toEqual({ status: 'skipped', reason: 'status processed' });
  });

  it('keeps a redirect lead as redirected, and makes no lead for ignored mail', async () => {
    const [r, i] = await store(
      core.message(analysis({ sender: { email: 'sales@voorraad.nl', name: null, organisation: null }, route: 'redirect', offerText: 'Direct leverbaar uit voorraad: 200.000 FFP2 maskers.' })),
      core.message(analysis({ sender: null, route: 'ignore', category: null, automatic: { kind: 'auto-reply', reason: 'Auto-Submitted' } })),
    );
    const redirected = await processMessage(deps, r!);
    expect(redirected).toMatchObject({ route: 'redirect', newLead: true });
    expect((await t.db.query('SELECT status FROM leads WHERE id = $1', [(redirected as { leadId: number }).leadId])).rows[0]!.status).toBe('redirected');
    expect(await processMessage(deps, i!)).toMatchObject({ status: 'processed', route: 'ignore', leadId: null, newLead: false });
  });

  it('merges the same offer forwarded by two associations (same original Message-ID) into one lead with two sources', async () => {
    const base = { sender: { email: 'verkoop@textiel.nl', name: 'Piet', organisation: 'Textiel B.V.' }, originalMessageId: '<orig-1@textiel.nl>', category: 'gowns' as const };
    const [a, b] = await store(
      core.message(analysis({ ...base, messageId: '<fw1@fme.nl>', forwardedBy: fme, offerText: 'Wij maken 20.000 isolatiejassen per week.' })),
      core.message(analysis({ ...base, messageId: '<fw2@hightechnl.nl>', forwardedBy: hightech, kvk: null, offerText: 'Wij maken 20.000 isolatiejassen per week. Groet, Piet' })),
    );
    const first = await processMessage(deps, a!);
    const second = await processMessage(deps, b!);
    expect(second).toMatchObject({ newLead: false, leadId: (first as { leadId: number }).leadId });
    expect((await sourcesOf((first as { leadId: number }).leadId)).map((s) => [s.kind, s.forwarded_by_email])).toEqual([
      ['forward', 'desk@fme.nl'],
      ['forward', 'info@hightechnl.nl'],
    ]);
  });

  it('merges near-identical text from the same sender without a shared Message-ID', async () => {
    const text = 'Beste, wij produceren sinds deze week FFP2 maskers volgens EN 149 en kunnen 50.000 stuks per week leveren aan zorginstellingen in Nederland.';
    const sender = { email: 'info@filterfab.nl', name: null, organisation: 'FilterFab' };
    const [a, b, c] = await store(
      core.message(analysis({ sender, forwardedBy: fme, offerText: text })),
      core.message(analysis({ sender, forwardedBy: hightech, offerText: `${text}\n\nMet vriendelijke groet,\nKees` })),
      core.message(analysis({ sender, forwardedBy: hightech, category: 'gowns', offerText: 'Daarnaast hebben wij een tweede lijn voor isolatiejassen van polypropyleen, 5.000 per dag.' })),
    );
    const first = (await processMessage(deps, a!)) as { leadId: number };
    expect(await processMessage(deps, b!)).toMatchObject({ leadId: first.leadId, newLead: false });
    expect(await processMessage(deps, c!)).toMatchObject({ newLead: true });
  });

  it('attaches a reply in the thread and a re-delivered Message-ID to the lead', async () => {
    const sender = { email: 'info@testlab.nl', name: null, organisation: 'TestLab' };
    const [o, reply, dup] = await store(
      core.message(analysis({ sender, category: 'tests', messageId: '<t1@testlab.nl>', offerText: 'Wij bieden PCR-testcapaciteit van 2.000 testen per dag.' })),
      core.message(analysis({ sender, category: 'tests', messageId: '<t2@testlab.nl>', inReplyTo: '<t1@testlab.nl>', references: ['<t1@testlab.nl>'], offerText: 'Aanvulling: ook antigeen sneltesten.' })),
      core.message(analysis({ sender, category: 'tests', messageId: '<t1@testlab.nl>', subject: 'resent', offerText: 'Wij bieden PCR-testcapaciteit van 2.000 testen per dag. (opnieuw verzonden)' })),
    );
    const lead = (await processMessage(deps, o!)) as { leadId: number };
    expect(await processMessage(deps, reply!)).toMatchObject({ leadId: lead.leadId, newLead: false });
    expect(await processMessage(deps, dup!)).toMatchObject({ leadId: lead.leadId, newLead: false });
    expect((await sourcesOf(lead.leadId)).map((s) => s.kind)).toEqual(['original', 'reply', 'duplicate']);
  });

  it('runs the routing hook inside the transaction and enqueues its outbox ids after commit', async () => {
    const seen: Array<{ inTx: boolean; route: string }> = [];
    const enqueued: number[][] = [];
    const hooked: ProcessDeps = {
      ...deps,
      onRouted: async (tx, events) => {
        for (const event of events) {
          const visible = await tx.query('SELECT 1 FROM messages WHERE id = $1 AND status = $2', [event.messageId, 'processed']);
          seen.push({ inTx: visible.rowCount === 1, route: event.route });
        }
        return events.map(() => [41, 42]);
      },
      enqueueSend: async (ids) => {
        enqueued.push(ids);
      },
    };
    const [id] = await store(core.message(analysis({ sender: { email: 'x@hooked.nl', name: null, organisation: null } })));
    await processMessage(hooked, id!);
    expect(seen).toEqual([{ inTx: true, route: 'review' }]);
    expect(enqueued).toEqual([[41, 42]]);

    const [failing] = await store(core.message(analysis({ sender: { email: 'y@hooked.nl', name: null, organisation: null } })));
    await expect(processMessage({ ...deps, onRouted: async () => Promise.reject(new Error('outbox down')) }, failing!)).rejects.toThrow('outbox down');
    const row = (await t.db.query('SELECT status, lead_id FROM messages WHERE id = $1', [failing])).rows[0]!;
    expect(row).toEqual({ status: 'pending', lead_id: null });
    expect((await t.db.query("SELECT count(*)::int AS n FROM leads WHERE sender_email = 'y@hooked.nl'")).rows[0]!.n).toBe(0);
  });
});

describe('concurrent processing', () => {
  it('makes one lead per offer when two workers process the two forwards at the same time', async () => {
    // separate pools, so the two forwards really run in two sessions as two workers would
    const pools: Db[] = [createDb(t.url, { max: 10 }), createDb(t.url, { max: 10 })];
    try {
      const pairs = 20;
      const ids: Array<[number, number]> = [];
      for (let i = 0; i < pairs; i++) {
        const sender = { email: `verkoop${i}@race.nl`, name: null, organisation: null };
        const original = i % 2 === 0 ? `<race-${i}@race.nl>` : null;
        const offerText = `Offerte ${i}: wij leveren ${i + 1}0.000 nitril handschoenen per week uit eigen productie in Enschede, levering vanaf mei.`;
        const [a, b] = await store(
          core.message(analysis({ sender, originalMessageId: original, forwardedBy: fme, category: 'other', offerText })),
          core.message(analysis({ sender, originalMessageId: original, forwardedBy: hightech, category: 'other', offerText })),
        );
        ids.push([a!, b!]);
      }
      const before = await readStats(t.db);
      const outcomes = await Promise.all(ids.flatMap(([a, b]) => [processMessage({ ...deps, db: pools[0]! }, a), processMessage({ ...deps, db: pools[1]! }, b)]));
      expect(outcomes.filter((o) => o.status === 'processed' && o.newLead)).toHaveLength(pairs);
      const after = await readStats(t.db);
      expect(after.leads - before.leads).toBe(pairs);
      const perLead = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM lead_sources s JOIN leads l ON l.id = s.lead_id WHERE l.sender_email LIKE '%@race.nl' GROUP BY s.lead_id",
      );
      expect(perLead.rows.map((r) => r.n)).toEqual(Array(pairs).fill(2));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});

describe('readStats', () => {
  it('agrees with the rows', async () => {
    const stats = await readStats(t.db);
    const sql = (await t.db.query(
      `SELECT (SELECT count(*) FROM messages)::int AS messages,
              (SELECT count(*) FROM leads WHERE status <> 'duplicate')::int AS leads,
              (SELECT count(*) FROM messages WHERE route = 'review')::int AS review,
              (SELECT count(*) FROM messages WHERE route = 'ignore')::int AS ignore`,
    )).rows[0]!;
    expect(stats).toMatchObject({ messages: sql.messages, leads: sql.leads, routes: { review: sql.review, ignore: sql.ignore } });
    expect(Object.keys(stats)).toEqual(['messages', 'leads', 'routes', 'quarantined']);
  });
});
