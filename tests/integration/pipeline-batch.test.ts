import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { analysis, FixtureCore } from '../support/analysis-fixture.js';
import { createLogger } from '../../src/log.js';
import { OfferTriageError } from '../../src/errors.js';
import type { Analysis } from '../../src/core/types.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { processBatch, processMessage, type ProcessDeps } from '../../src/pipeline/process.js';
import { runPending } from '../../src/pipeline/run-pending.js';
import { createDb, type Db } from '../../src/store/db.js';

const log = createLogger({ level: 'silent' });
let batched: TestDb;
let single: TestDb;
// one core per database: fixture messages are numbered per core, and equal bytes are one stored message
const coreA = new FixtureCore();
const coreB = new FixtureCore();

beforeAll(async () => {
  [batched, single] = await Promise.all([createTestDb('pipeline_batch'), createTestDb('pipeline_single')]);
});
afterAll(async () => Promise.all([batched?.drop(), single?.drop()]));

const fme = { email: 'desk@fme.nl', name: 'FME' };
const hightech = { email: 'info@hightechnl.nl', name: 'HightechNL' };
const gowns = { email: 'verkoop@textiel.nl', name: 'Piet', organisation: 'Textiel B.V.' };
const lab = { email: 'info@testlab.nl', name: null, organisation: 'TestLab' };
const filter = { email: 'info@filterfab.nl', name: null, organisation: null };
const filterText = 'Beste, wij produceren sinds deze week FFP2 maskers volgens EN 149 en kunnen 50.000 stuks per week leveren aan zorginstellingen.';

/** Every dedupe path, with later messages joining leads made earlier in the same batch. */
function scenario(): Analysis[] {
  return [
    analysis({ sender: gowns, category: 'gowns', originalMessageId: '<orig-1@textiel.nl>', messageId: '<fw1@fme.nl>', forwardedBy: fme, kvk: null, phone: null, offerText: 'Wij maken 20.000 isolatiejassen per week.' }),
    analysis({ sender: gowns, category: 'gowns', originalMessageId: '<orig-1@textiel.nl>', messageId: '<fw2@hightechnl.nl>', forwardedBy: hightech, kvk: '87654321', offerText: 'Wij maken 20.000 isolatiejassen per week. Groet, Piet' }),
    analysis({ sender: lab, category: 'tests', messageId: '<t1@testlab.nl>', offerText: 'Wij bieden PCR-testcapaciteit van 2.000 testen per dag.' }),
    analysis({ sender: lab, category: 'tests', messageId: '<t2@testlab.nl>', inReplyTo: '<t1@testlab.nl>', references: ['<t1@testlab.nl>'], offerText: 'Aanvulling: ook antigeen sneltesten.' }),
    analysis({ sender: lab, category: 'tests', messageId: '<t1@testlab.nl>', subject: 'resent', offerText: 'Wij bieden PCR-testcapaciteit van 2.000 testen per dag. (opnieuw)' }),
    analysis({ sender: filter, forwardedBy: fme, offerText: filterText }),
    analysis({ sender: filter, forwardedBy: hightech, offerText: `${filterText}\n\nMet vriendelijke groet,\nKees` }),
    analysis({ sender: null, route: 'ignore', category: null, automatic: { kind: 'auto-reply', reason: 'Auto-Submitted' } }),
    analysis({ sender: { email: 'sales@voorraad.nl', name: null, organisation: null }, route: 'redirect', offerText: 'Direct leverbaar uit voorraad: 200.000 FFP2 maskers.', attachments: [{ filename: 'prijslijst.pdf', contentType: 'application/pdf', size: 10, sha256: 'cd'.repeat(32) }] }),
  ];
}

async function store(t: TestDb, core: FixtureCore, results: Array<Analysis | Error>): Promise<number[]> {
  const refs = await storeRawMessages(t.db, results.map((r, i) => ({ raw: core.message(r), source: 'import' as const, mailbox: 'import:batch', uidvalidity: 0, uid: Date.now() * 100 + i })));
  return refs.map((r) => r.id);
}

/** The end state with ids replaced by positions, so two databases can be compared. */
async function endState(t: TestDb, ids: number[]) {
  const messages = (await t.db.query('SELECT id, status, route, lead_id FROM messages WHERE id = ANY($1) ORDER BY id', [ids])).rows;
  const leadIds = [...new Set(messages.map((m) => m.lead_id).filter((l) => l !== null))];
  const leads = (await t.db.query('SELECT id, status, category, kvk, phone, original_message_id, priority FROM leads WHERE id = ANY($1) ORDER BY id', [leadIds])).rows;
  const sources = (await t.db.query('SELECT message_id, kind, forwarded_by_email FROM lead_sources WHERE message_id = ANY($1) ORDER BY message_id', [ids])).rows;
  const audit = (await t.db.query('SELECT message_id, action FROM audit_log WHERE message_id = ANY($1) ORDER BY id', [ids])).rows;
  const pos = (id: number) => ids.indexOf(id);
  const lead = (id: number | null) => (id === null ? null : leadIds.indexOf(id));
  return {
    messages: messages.map((m) => [pos(m.id), m.status, m.route, lead(m.lead_id)]),
    leads: leads.map(({ id, ...l }) => ({ lead: lead(id), ...l })),
    sources: sources.map((s) => [pos(s.message_id), s.kind, s.forwarded_by_email]),
    audit: audit.map((a) => [pos(a.message_id), a.action]),
    attachments: (await t.db.query('SELECT count(*)::int AS n FROM message_attachments WHERE message_id = ANY($1)', [ids])).rows[0]!.n,
  };
}

describe('processBatch', () => {
  it('ends in the same state as processing the messages one by one, joining leads made earlier in the batch', async () => {
    const a = await store(batched, coreA, scenario());
    const b = await store(single, coreB, scenario());
    const results = await processBatch({ db: batched.db, log, analyse: coreA.analyse }, a);
    expect([...results.values()].map((r) => r.status)).toEqual(Array(a.length).fill('processed'));
    for (const id of b) await processMessage({ db: single.db, log, analyse: coreB.analyse }, id);

    const state = await endState(batched, a);
    expect(state).toEqual(await endState(single, b));
    expect(state.leads).toHaveLength(4);
    // the first forward lacked the KvK number; the second one, in the same batch, supplied it
    expect(state.leads[0]).toMatchObject({ kvk: '87654321', original_message_id: '<orig-1@textiel.nl>' });
    expect(state.sources.map((s) => s[1])).toEqual(['forward', 'forward', 'original', 'reply', 'duplicate', 'forward', 'forward', 'original']);
    expect((await processBatch({ db: batched.db, log, analyse: coreA.analyse }, a)).get(a[0]!)).toEqual({ status: 'skipped', reason: 'status processed' });
  });

  it('fails only the bad message of a batch: one the core cannot read, one whose writes fail', async () => {
    const core = coreA;
    const ids = await store(batched, core, [
      analysis({ sender: { email: 'ok1@batch.nl', name: null, organisation: null }, offerText: 'Eerste aanbod: 1.000 schorten per week.' }),
      new OfferTriageError('OT_ERR_PARSE', 'not a message', { permanent: true }),
      analysis({ sender: { email: 'hook-fails@batch.nl', name: null, organisation: null }, offerText: 'Tweede aanbod: 2.000 schorten per week.' }),
      analysis({ sender: { email: 'ok2@batch.nl', name: null, organisation: null }, offerText: 'Derde aanbod: 3.000 schorten per week.' }),
    ]);
    const deps: ProcessDeps = {
      db: batched.db,
      log,
      analyse: core.analyse,
      onRouted: async (_tx, events) => {
        if (events.some((e) => e.analysis.sender?.email === 'hook-fails@batch.nl')) throw new Error('outbox down');
        return events.map((e) => [e.messageId]);
      },
    };
    const enqueued: number[][] = [];
    const results = await processBatch({ ...deps, enqueueSend: async (o) => void enqueued.push(o) }, ids);
    expect(ids.map((id) => results.get(id)!.status)).toEqual(['processed', 'failed', 'failed', 'processed']);
    expect(String((results.get(ids[2]!) as { error: unknown }).error)).toContain('outbox down');
    expect(enqueued.flat().sort()).toEqual([ids[0], ids[3]].sort());
    const rows = (await batched.db.query('SELECT id, status, lead_id FROM messages WHERE id = ANY($1) ORDER BY id', [ids])).rows;
    expect(rows.map((r) => r.status)).toEqual(['processed', 'pending', 'pending', 'processed']);
    expect((await batched.db.query("SELECT count(*)::int AS n FROM leads WHERE sender_email = 'hook-fails@batch.nl'")).rows[0]!.n).toBe(0);
  });

  it('runPending quarantines the permanent failure and processes the rest of the batch', async () => {
    const core = coreA;
    const ids = await store(batched, core, [
      analysis({ sender: { email: 'run1@batch.nl', name: null, organisation: null }, offerText: 'Vierde aanbod: 4.000 overalls per week.' }),
      new OfferTriageError('OT_ERR_PARSE', 'not a message', { permanent: true }),
      analysis({ sender: { email: 'run2@batch.nl', name: null, organisation: null }, offerText: 'Vijfde aanbod: 5.000 overalls per week.' }),
    ]);
    expect(await runPending({ db: batched.db, log, analyse: core.analyse }, { concurrency: 2, batchSize: 2, ids })).toEqual({ processed: 2, skipped: 0, quarantined: 1 });
    const rows = (await batched.db.query('SELECT status, error_code FROM messages WHERE id = ANY($1) ORDER BY id', [ids])).rows;
    expect(rows).toEqual([
      { status: 'processed', error_code: null },
      { status: 'quarantined', error_code: 'OT_ERR_PARSE' },
      { status: 'processed', error_code: null },
    ]);
  });

  it('makes one lead per offer when two workers process batches holding the two forwards of each offer', async () => {
    const pools: Db[] = [createDb(batched.url, { max: 4 }), createDb(batched.url, { max: 4 })];
    try {
      const pairs = 20;
      const first: Analysis[] = [];
      const second: Analysis[] = [];
      for (let i = 0; i < pairs; i++) {
        const base = { sender: { email: `verkoop${i}@race-batch.nl`, name: null, organisation: null }, originalMessageId: i % 2 === 0 ? `<race-${i}@race-batch.nl>` : null, category: 'other' as const };
        const offerText = `Offerte ${i}: wij leveren ${i + 1}0.000 nitril handschoenen per week uit eigen productie, levering vanaf mei.`;
        first.push(analysis({ ...base, forwardedBy: fme, offerText }));
        second.push(analysis({ ...base, forwardedBy: hightech, offerText }));
      }
      const a = await store(batched, coreA, first);
      const b = await store(batched, coreA, second);
      const [x, y] = await Promise.all([
        processBatch({ db: pools[0]!, log, analyse: coreA.analyse }, a),
        processBatch({ db: pools[1]!, log, analyse: coreA.analyse }, b.reverse()),
      ]);
      const outcomes = [...x.values(), ...y.values()];
      expect(outcomes.filter((o) => o.status === 'processed')).toHaveLength(2 * pairs);
      expect(outcomes.filter((o) => o.status === 'processed' && o.newLead)).toHaveLength(pairs);
      const perLead = await batched.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM lead_sources s JOIN leads l ON l.id = s.lead_id WHERE l.sender_email LIKE '%@race-batch.nl' GROUP BY s.lead_id",
      );
      expect(perLead.rows.map((r) => r.n)).toEqual(Array(pairs).fill(2));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});
