import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/admin/app.js';
import { loadConfig } from '../../src/config.js';
import { claimNext } from '../../src/store/queue.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, Client, seedLead } from './admin-fixtures.js';

let t: TestDb;
let app: FastifyInstance;
const reviewerIds: number[] = [];

beforeAll(async () => {
  t = await createTestDb('admin_queue');
  app = await build({
    db: t.db,
    config: loadConfig({}),
    sessionSecret: 'a-test-secret-that-is-long-enough-000000',
    countsCacheMs: 0,
  });
  for (let i = 0; i < 12; i++) await addUser(t.db, `r${i}@team.example`, 'reviewer');
  reviewerIds.push(...(await t.db.query<{ id: number }>('SELECT id FROM users ORDER BY id')).rows.map((r) => r.id));
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

beforeEach(async () => {
  await t.db.query('TRUNCATE leads, messages, lead_sources, reviews, audit_log CASCADE');
});

describe('claiming the next lead', () => {
  it('never gives two concurrent reviewers the same lead', async () => {
    for (let i = 0; i < 8; i++) await seedLead(t.db, { priority: i / 10 });
    const claimed = await Promise.all(reviewerIds.map((id) => claimNext(t.db, id, 900)));
    const got = claimed.filter((id): id is number => id !== null);
    expect(got).toHaveLength(8);
    expect(new Set(got).size).toBe(8);
    expect(claimed.filter((id) => id === null)).toHaveLength(reviewerIds.length - 8);
    const held = await t.db.query(
      'SELECT count(DISTINCT claimed_by)::int AS n FROM leads WHERE claim_expires_at > now()',
    );
    expect(held.rows[0]!.n).toBe(8);
  });

  it('over HTTP, concurrent "Next lead" clicks land on different leads, most promising first', async () => {
    const low = await seedLead(t.db, { priority: 0.1 });
    const high = await seedLead(t.db, { priority: 0.9 });
    const a = new Client(app);
    const b = new Client(app);
    await Promise.all([a.login('r0@team.example'), b.login('r1@team.example')]);
    const [ra, rb] = await Promise.all([a.post('/queue/next'), b.post('/queue/next')]);
    const locations = [ra.headers.location, rb.headers.location].sort();
    expect(locations).toEqual([`/leads/${low.leadId}`, `/leads/${high.leadId}`].sort());
    const c = new Client(app);
    await c.login('r2@team.example');
    const rc = await c.post('/queue/next');
    expect(rc.headers.location).toBe('/?empty=1');
  });

  it('a lease that expired frees the lead; a scored lead is not offered to the same reviewer again', async () => {
    const { leadId } = await seedLead(t.db);
    expect(await claimNext(t.db, reviewerIds[0]!, 900)).toBe(leadId);
    expect(await claimNext(t.db, reviewerIds[1]!, 900)).toBeNull();
    await t.db.query(`UPDATE leads SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [leadId]);
    expect(await claimNext(t.db, reviewerIds[1]!, 900)).toBe(leadId);
    await t.db.query(
      `INSERT INTO reviews (lead_id, reviewer_id, capacity, lead_time, quality, credibility, price_fit) VALUES ($1, $2, 3, 3, 3, 3, 3)`,
      [leadId, reviewerIds[2]],
    );
    await t.db.query('UPDATE leads SET claimed_by = NULL, claim_expires_at = NULL');
    expect(await claimNext(t.db, reviewerIds[2]!, 900)).toBeNull();
    expect(await claimNext(t.db, reviewerIds[3]!, 900)).toBe(leadId);
  });

  it('"Next" hands back the lead the reviewer held and skips it', async () => {
    const first = await seedLead(t.db, { priority: 0.9 });
    const second = await seedLead(t.db, { priority: 0.5 });
    expect(await claimNext(t.db, reviewerIds[0]!, 900)).toBe(first.leadId);
    expect(await claimNext(t.db, reviewerIds[0]!, 900)).toBe(second.leadId);
    expect(await claimNext(t.db, reviewerIds[1]!, 900)).toBe(first.leadId);
  });
});

describe('the queue page', () => {
  it('lists open leads by priority with links, counts per category, and filters', async () => {
    const masks = await seedLead(t.db, { priority: 0.3, category: 'masks', organisation: 'Low Masks' });
    const gowns = await seedLead(t.db, {
      priority: 0.8,
      category: 'gowns',
      organisation: 'High Gowns',
      forwardedBy: 'desk@fme.example',
    });
    await seedLead(t.db, { status: 'declined', category: 'masks', organisation: 'Declined Ltd' });
    const c = new Client(app);
    await c.login('r5@team.example');
    const page = (await c.get('/')).body;
    expect(page.indexOf(`/leads/${gowns.leadId}`)).toBeGreaterThan(0);
    expect(page.indexOf(`/leads/${gowns.leadId}`)).toBeLessThan(page.indexOf(`/leads/${masks.leadId}`));
    expect(page).not.toContain('Declined Ltd');
    expect(page).toMatch(/masks <b>1<\/b>/);
    expect(page).toMatch(/gowns <b>1<\/b>/);
    // priority to one decimal and the received time in UTC to the minute, formatted in JS since to_char left
    const { rows } = await t.db.query<{ at: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at FROM leads WHERE id = $1`,
      [gowns.leadId],
    );
    expect(page).toContain(`<td class="num">0.8</td><td><a href="/leads/${gowns.leadId}">`);
    expect(page).toContain(`<td>${rows[0]!.at}</td>`);
    const filtered = (await c.get('/?category=masks')).body;
    expect(filtered).toContain('Low Masks');
    expect(filtered).not.toContain('High Gowns');
    const byAssociation = (await c.get('/?association=fme.example')).body;
    expect(byAssociation).toContain('High Gowns');
    expect(byAssociation).not.toContain('Low Masks');
    expect((await c.get('/?status=declined')).body).toContain('Declined Ltd');
    expect((await c.get('/?status=bogus')).statusCode).toBe(400);
  });
});

describe('pages asking for the same queue view at once', () => {
  /** Counts the queue's own queries on the real pool and can hold their answers back until released. */
  function watchQueueQueries() {
    const pool = t.db.pool;
    const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    const watch = { count: 0, gate: Promise.resolve(), restore: () => void (pool.query = original as never) };
    pool.query = ((config: unknown, ...rest: unknown[]) => {
      const name = typeof config === 'object' && config !== null ? (config as { name?: string }).name : undefined;
      if (!name?.startsWith('admin-queue-')) return original(config, ...rest);
      watch.count++;
      const gate = watch.gate;
      return original(config, ...rest).then(async (result) => {
        await gate;
        return result;
      });
    }) as never;
    return watch;
  }

  it('share one query, and a page opened after a decision does not join a read from before it', async () => {
    const kept = await seedLead(t.db, { priority: 0.5, organisation: 'Kept Open B.V.' });
    const decided = await seedLead(t.db, { priority: 0.9, organisation: 'Declined Soon B.V.' });
    const c = new Client(app);
    await c.login('r6@team.example');
    await c.get('/'); // the session lookup is cached from here on, as for a reviewer already at work
    const watch = watchQueueQueries();
    try {
      const pages = await Promise.all(Array.from({ length: 20 }, () => c.get('/')));
      expect(watch.count).toBe(1);
      expect(pages.every((p) => p.statusCode === 200 && p.body.includes('Declined Soon B.V.'))).toBe(true);

      let release!: () => void;
      watch.gate = new Promise((r) => (release = r));
      const before = c.get('/');
      await vi.waitFor(() => expect(watch.count).toBe(2));
      expect((await c.post(`/leads/${decided.leadId}/decide`, { decision: 'declined' })).statusCode).toBe(303);
      const after = c.get('/');
      await vi.waitFor(() => expect(watch.count).toBe(3));
      release();
      expect((await before).body).toContain('Declined Soon B.V.');
      const fresh = (await after).body;
      expect(fresh).not.toContain('Declined Soon B.V.');
      expect(fresh).toContain(`/leads/${kept.leadId}`);
    } finally {
      watch.restore();
    }
  });
});
