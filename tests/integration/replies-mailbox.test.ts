import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { analyseBatch } from '../../src/core/analyse.js';
import type { Analysis } from '../../src/core/types.js';
import { createLogger } from '../../src/log.js';
import { processBatch, processMessage, type ProcessDeps } from '../../src/pipeline/process.js';
import { createDecisionReplies } from '../../src/replies/decision-replies.js';
import { previewReply } from '../../src/replies/preview.js';
import type { OnRouted } from '../../src/pipeline/events.js';
import { createRouteReplies } from '../../src/replies/route-replies.js';
import { sendOutbox, type SendDeps } from '../../src/replies/send.js';
import { createReplyTransport, type ReplyTransport } from '../../src/replies/transport.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { analysis, FixtureCore } from '../support/analysis-fixture.js';
import type { Db } from '../../src/store/db.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { header, startSink, type Sink } from './replies-sink.js';

const CORPUS = path.resolve('tests/fixtures/corpus/messages');
const config = loadConfig({ REPLY_CC_FORWARDER: 'false' });
const log = createLogger({ level: 'silent' });
let t: TestDb;
let sink: Sink;
let transport: ReplyTransport;
let send: SendDeps;
const core = new FixtureCore();

beforeAll(async () => {
  t = await createTestDb('replies_mailbox');
  sink = await startSink();
  transport = createReplyTransport({ url: sink.url, pool: true });
  send = { db: t.db, config, log, transport };
});
afterAll(async () => {
  transport?.close();
  await sink?.close();
  await t?.drop();
});

async function store(raws: Buffer[]): Promise<number[]> {
  const refs = await storeRawMessages(t.db, raws.map((raw, i) => ({ raw, source: 'import' as const, mailbox: 'import:replies', uidvalidity: 0, uid: Date.now() * 1000 + i })));
  return refs.map((r) => r.id);
}

async function sendAll(ids: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) out.push(await sendOutbox(send, id));
  return out;
}

interface OutboxView {
  id: number;
  lead_id: number;
  template: string;
  state: string;
  to_email: string | null;
  message_id: string;
  withheld_reason: string | null;
  language: string;
}

describe('replies for a mailbox of review, redirect and ignored mail', () => {
  it('sends exactly one acknowledgement per review lead, one referral per redirect lead, nothing for ignored mail', async () => {
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.eml')).sort();
    const ids = await store(await Promise.all(files.map((f) => readFile(path.join(CORPUS, f)))));
    const deps: ProcessDeps = { db: t.db, log, analyse: analyseBatch, onRouted: createRouteReplies(config) };
    const outboxIds: number[] = [];
    const routeOf = new Map<number, { route: string; analysis: Analysis | null }>();
    for (const id of ids) {
      const out = await processMessage(deps, id);
      if (out.status === 'processed') outboxIds.push(...out.outboxIds);
    }
    for (const id of ids) expect((await processMessage(deps, id)).status).toBe('skipped');
    const messages = await t.db.query<{ id: number; route: string; analysis: Analysis }>('SELECT id, route, analysis FROM messages WHERE id = ANY($1)', [ids]);
    for (const m of messages.rows) routeOf.set(m.id, { route: m.route, analysis: m.analysis });

    const outcomes = await sendAll(outboxIds);
    // BullMQ is at-least-once: every job delivered again finds its row done
    expect(new Set(await sendAll(outboxIds))).toEqual(new Set(['skipped']));
    expect(outcomes.filter((o) => o === 'sent').length).toBe(sink.received.length);

    const leads = await t.db.query<{ id: number; route: string; language: string; sender_email: string | null; original_message_id: string | null; reference: string }>(
      'SELECT id, route, language, sender_email, original_message_id, reference FROM leads',
    );
    const rows = (await t.db.query<OutboxView>('SELECT id, lead_id, template, state, to_email, message_id, withheld_reason, language FROM outbox')).rows;
    const byMessageId = new Map(sink.received.map((r) => [r.mail.messageId, r]));
    expect(byMessageId.size).toBe(sink.received.length);

    const reviewLeads = leads.rows.filter((l) => l.route === 'review');
    const redirectLeads = leads.rows.filter((l) => l.route === 'redirect');
    expect(reviewLeads.length).toBeGreaterThan(20);
    expect(redirectLeads.length).toBeGreaterThan(5);
    let sentCount = 0;
    for (const lead of leads.rows) {
      const mine = rows.filter((r) => r.lead_id === lead.id);
      expect(mine.map((r) => r.template)).toEqual([lead.route === 'review' ? 'acknowledgement' : 'referral']);
      const row = mine[0]!;
      if (row.state === 'withheld') {
        expect(row.withheld_reason).toBeTruthy();
        expect(byMessageId.has(row.message_id)).toBe(false);
        continue;
      }
      expect(row.state).toBe('sent');
      sentCount++;
      const got = byMessageId.get(row.message_id)!;
      expect(got.to).toEqual([lead.sender_email]);
      expect(got.from).toBe(config.fromAddress);
      expect(header(got, 'auto-submitted')).toBe('auto-replied');
      expect(got.mail.subject).toMatch(new RegExp(`^Re: (?!Re:).*\\[${lead.reference}\\]$`, 'i'));
      expect(got.mail.text).toContain(lead.language === 'en' ? 'Thank you' : 'Hartelijk dank');
      expect(got.mail.text).toContain(lead.reference);
      if (lead.route === 'redirect') expect(got.mail.text).toContain(config.ministryAddress);
      if (lead.original_message_id) expect(got.mail.inReplyTo).toBe(lead.original_message_id);
    }
    expect(sentCount).toBe(sink.received.length);
    expect(sentCount).toBeGreaterThan(25);

    // never the association; never an address known only from automatic or ignored mail (a company that sent
    // an offer and later an out-of-office gets its one acknowledgement, for the offer); never in reply to one
    const forwarders = (await t.db.query<{ e: string }>('SELECT DISTINCT forwarded_by_email AS e FROM lead_sources WHERE forwarded_by_email IS NOT NULL')).rows.map((r) => r.e);
    const ignored = [...routeOf.values()].filter((m) => m.route === 'ignore' || m.analysis?.automatic);
    expect(ignored.length).toBeGreaterThan(5);
    const untouchable = new Set(
      ignored.flatMap((m) => [m.analysis?.sender?.email, m.analysis?.forwardedBy?.email, m.analysis?.replySafety.returnPath?.replace(/[<>]/g, '')]).filter((e): e is string => !!e),
    );
    for (const l of leads.rows) if (l.sender_email) untouchable.delete(l.sender_email);
    expect(untouchable.size).toBeGreaterThan(3);
    const ignoredIds = new Set(ignored.map((m) => m.analysis?.messageId).filter((id): id is string => !!id));
    for (const r of sink.received) {
      for (const to of r.to) {
        expect(forwarders).not.toContain(to);
        expect(untouchable.has(to)).toBe(false);
      }
      expect(ignoredIds.has(r.mail.inReplyTo ?? '')).toBe(false);
    }
  });

  it('plans a whole batch in two statements and writes the same outbox as message by message', async () => {
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.eml')).sort();
    const raws = await Promise.all(files.map((f) => readFile(path.join(CORPUS, f))));
    // the corpus twice: every lead is also joined by a second copy within the same batch; a few ask for no
    // automatic answers, so withheld rows are written too
    const suppressed = raws.map((raw, i) => (i % 10 === 0 ? Buffer.concat([Buffer.from('X-Auto-Response-Suppress: All\r\n'), raw]) : raw));
    const mailbox = [...suppressed, ...raws.map((raw) => Buffer.concat([Buffer.from('X-Copy: 2\r\n'), raw]))];
    const ministry = loadConfig({ REPLY_CC_FORWARDER: 'false', FORWARD_REDIRECTS_TO_MINISTRY: 'true' });
    const [single, batched] = await Promise.all([createTestDb('replies_single'), createTestDb('replies_batched')]);
    try {
      const storeIn = async (db: Db) =>
        (await storeRawMessages(db, mailbox.map((raw, i) => ({ raw, source: 'import' as const, mailbox: 'import:replies', uidvalidity: 0, uid: i + 1 })))).map((r) => r.id);
      const [singleIds, batchIds] = [await storeIn(single.db), await storeIn(batched.db)];
      for (const id of singleIds) await processMessage({ db: single.db, log, analyse: analyseBatch, onRouted: createRouteReplies(ministry) }, id);

      const hook = createRouteReplies(ministry);
      const calls: Array<{ events: number; queries: number }> = [];
      const counting: OnRouted = async (tx, events) => {
        let queries = 0;
        const spy = new Proxy(tx, {
          get(target, prop) {
            if (prop === 'query') return (...args: Parameters<typeof target.query>) => (queries++, target.query(...args));
            const value: unknown = Reflect.get(target, prop);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        const ids = await hook(spy, events);
        calls.push({ events: events.length, queries });
        return ids;
      };
      const results = await processBatch({ db: batched.db, log, analyse: analyseBatch, onRouted: counting }, batchIds);
      expect(calls).toEqual([{ events: mailbox.length, queries: 2 }]);

      const view = async (db: Db) =>
        (
          await db.query(
            `SELECT lead_id, template, state, language, to_email, to_name, cc_email, subject, text_body, in_reply_to, refs, attach_message_id, withheld_reason
               FROM outbox ORDER BY lead_id, template`,
          )
        ).rows;
      const expected = await view(single.db);
      expect(expected.some((r) => r.template === 'ministry-forward')).toBe(true);
      expect(expected.some((r) => r.state === 'withheld')).toBe(true);
      expect(await view(batched.db)).toEqual(expected);

      const pending = (await batched.db.query<{ id: number }>("SELECT id FROM outbox WHERE state = 'pending' ORDER BY id")).rows.map((r) => r.id);
      const returned = [...results.values()].flatMap((r) => (r.status === 'processed' ? r.outboxIds : []));
      expect(returned.sort((a, b) => a - b)).toEqual(pending);
      // each id belongs to the first message of its lead, as when routed one by one
      const firstOfLead = new Map<number, number>();
      for (const id of batchIds) {
        const r = results.get(id)!;
        if (r.status === 'processed' && r.leadId !== null && !firstOfLead.has(r.leadId)) firstOfLead.set(r.leadId, id);
      }
      for (const [messageId, r] of results) if (r.status === 'processed' && r.outboxIds.length > 0) expect(firstOfLead.get(r.leadId!)).toBe(messageId);
    } finally {
      await Promise.all([single.drop(), batched.drop()]);
    }
  });

  it('answers a reviewer decision once, and forwards to the ministry once with the original attached', async () => {
    const lead = (await t.db.query<{ id: number; sender_email: string }>("SELECT l.id, l.sender_email FROM leads l JOIN outbox o ON o.lead_id = l.id AND o.state = 'sent' WHERE l.route = 'review' ORDER BY l.id LIMIT 1")).rows[0]!;
    const onDecided = createDecisionReplies(config);
    const first = await t.db.transaction((tx) => onDecided(tx, { leadId: lead.id, decision: 'shortlisted', actor: 'r@team.example' }));
    expect(first).toHaveLength(1);
    expect(await t.db.transaction((tx) => onDecided(tx, { leadId: lead.id, decision: 'shortlisted', actor: 'r@team.example' }))).toEqual([]);
    const fwd = await t.db.transaction((tx) => onDecided(tx, { leadId: lead.id, decision: 'forwarded', actor: 'r@team.example' }));
    expect(await t.db.transaction((tx) => onDecided(tx, { leadId: lead.id, decision: 'forwarded', actor: 'r@team.example' }))).toEqual([]);
    expect(await t.db.transaction((tx) => onDecided(tx, { leadId: lead.id, decision: 'duplicate', actor: 'r@team.example' }))).toEqual([]);

    const before = sink.received.length;
    expect(await sendAll([...first, ...fwd])).toEqual(['sent', 'sent']);
    const [shortlisted, ministry] = sink.received.slice(before);
    expect(shortlisted!.to).toEqual([lead.sender_email]);
    expect(ministry!.to).toEqual([config.ministryAddress]);
    expect(header(ministry!, 'auto-submitted')).toBe('auto-generated');
    const attached = ministry!.mail.attachments.find((a) => a.contentType === 'message/rfc822');
    expect(attached?.content.length).toBeGreaterThan(100);
  });

  it('withholds, with the reason, automatic mail that slipped past the classifier, and never sends it', async () => {
    const deps: ProcessDeps = { db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(config) };
    const safety = analysis().replySafety;
    const kinds: Array<Partial<Analysis>> = [
      { automatic: { kind: 'auto-reply', reason: 'out of office' } },
      { automatic: { kind: 'bounce', reason: 'delivery status notification' } },
      { replySafety: { ...safety, listId: '<news.example>' } },
      { replySafety: { ...safety, returnPath: '<>' } },
      { replySafety: { ...safety, autoResponseSuppress: 'OOF' } },
      { replySafety: { ...safety, autoSubmitted: 'auto-replied' } },
      { sender: { email: 'noreply@robot.example', name: null, organisation: null } },
      { sender: { email: config.ministryAddress, name: null, organisation: null } },
      { sender: { email: 'someone@crisisteam.example', name: null, organisation: null } },
    ];
    const ids = await store(
      kinds.map((over, i) => core.message(analysis({ sender: { email: `robot${i}@slipped.example`, name: null, organisation: `Robot ${i}` }, offerText: `auto text ${i} ${'x'.repeat(i)}`, ...over }))),
    );
    const before = sink.received.length;
    for (const id of ids) {
      const out = await processMessage(deps, id);
      expect(out).toMatchObject({ status: 'processed', outboxIds: [] });
    }
    const rows = (await t.db.query<OutboxView>('SELECT o.* FROM outbox o JOIN messages m ON m.lead_id = o.lead_id WHERE m.id = ANY($1)', [ids])).rows;
    expect(rows).toHaveLength(kinds.length);
    for (const r of rows) expect(r).toMatchObject({ state: 'withheld', withheld_reason: expect.any(String) });
    expect(await sendAll(rows.map((r) => r.id))).toEqual(rows.map(() => 'skipped'));
    expect(sink.received.length).toBe(before);
  });

  it('stops at the per-recipient daily limit and records why', async () => {
    const limited = { ...config, replyLimitPerDay: 2 };
    const deps: ProcessDeps = { db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(limited) };
    const [id] = await store([core.message(analysis({ sender: { email: 'busy@limit.example', name: null, organisation: 'Busy' }, offerText: 'limit test offer' }))]);
    const out = await processMessage(deps, id!);
    const leadId = (out as { leadId: number }).leadId;
    const onDecided = createDecisionReplies(limited);
    const more = [
      ...(await t.db.transaction((tx) => onDecided(tx, { leadId, decision: 'shortlisted', actor: 'r' }))),
      ...(await t.db.transaction((tx) => onDecided(tx, { leadId, decision: 'declined', actor: 'r' }))),
    ];
    const outcomes: string[] = [];
    for (const id of [...(out as { outboxIds: number[] }).outboxIds, ...more]) outcomes.push(await sendOutbox({ ...send, config: limited }, id));
    expect(outcomes).toEqual(['sent', 'sent', 'withheld']);
    const reason = (await t.db.query("SELECT withheld_reason FROM outbox WHERE lead_id = $1 AND template = 'declined'", [leadId])).rows[0]?.withheld_reason;
    expect(reason).toMatch(/per-recipient limit: 2 automatic replies to busy@limit\.example/);
  });

  it('writes .eml files instead of sending when SMTP_URL is a file URL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ot-eml-'));
    try {
        const deps: ProcessDeps = { db: t.db, log, analyse: core.analyse, onRouted: createRouteReplies(config) };
      const [id] = await store([core.message(analysis({ language: 'en', sender: { email: 'file@demo.example', name: 'Ann', organisation: 'Demo Ltd' }, offerText: 'file transport offer' }))]);
      const out = (await processMessage(deps, id!)) as { outboxIds: number[] };
      const files = createReplyTransport({ url: pathToFileURL(dir).href });
      expect(await sendOutbox({ ...send, transport: files }, out.outboxIds[0]!)).toBe('sent');
      const names = (await readdir(dir)).filter((n) => n.endsWith('.eml'));
      expect(names).toHaveLength(1);
      const eml = await readFile(path.join(dir, names[0]!), 'utf8');
      expect(eml).toMatch(/^To: Ann <file@demo\.example>$/m);
      expect(eml).toMatch(/^Auto-Submitted: auto-replied$/m);
      expect(eml).toContain('Thank you');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('previews a stored reply as stored, and an unstored one without writing it', async () => {
    const row = (await t.db.query<OutboxView>("SELECT * FROM outbox WHERE template = 'acknowledgement' AND state = 'sent' ORDER BY id LIMIT 1")).rows[0]!;
    const stored = await previewReply(t.db.pool, config, row.lead_id, 'acknowledgement');
    expect(stored.status).toBe(`outbox row ${row.id}, state sent`);
    expect(stored.eml.replace(/\n\s+/g, ' ')).toContain(`Message-ID: ${row.message_id}`);
    expect(stored.eml).toMatch(/^Auto-Submitted: auto-replied$/m);
    const before = (await t.db.query('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
    const fresh = await previewReply(t.db.pool, config, row.lead_id, 'declined');
    expect(fresh.status).toMatch(/^not stored/);
    expect(fresh.eml).toMatch(/^Subject: Re: /m);
    expect((await t.db.query('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n).toBe(before);
  });
});
