import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchAdmin } from '../../bench/admin.js';
import { createTestDb, type TestDb } from '../support/db.js';

/** The admin bench in miniature, so `npm run bench` never meets a broken fill or a page answering errors. */
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb('admin_bench');
});

afterAll(async () => {
  await t?.drop();
});

it('fills leads and measures the reference and both pages, on one URL and spread over many, with every request answered 200', async () => {
  const lines: string[] = [];
  const figures = await benchAdmin(t.db, { leads: 2000, connections: 10, seconds: 1, print: (l) => lines.push(l) });
  const counts = await t.db.query<{ leads: number; sources: number }>(
    'SELECT (SELECT count(*)::int FROM leads) AS leads, (SELECT count(*)::int FROM lead_sources) AS sources',
  );
  expect(counts.rows[0]).toEqual({ leads: 2000, sources: 2000 });
  expect(figures.pages.map((p) => p.page)).toEqual([
    'reference page',
    'queue page',
    'queue page, 60 views',
    'lead page',
    'lead page, 1,000 leads',
  ]);
  for (const p of figures.pages) {
    expect(p.errors + p.non2xx).toBe(0);
    expect(p.requestsPerSecond).toBeGreaterThan(0);
    expect(p.serverCpuMicros).toBeGreaterThan(0);
  }
  expect(lines.filter((l) => /p99 \d+ ms/.test(l))).toHaveLength(5);
  expect(lines.filter((l) => /x the reference's/.test(l))).toHaveLength(4);
});
