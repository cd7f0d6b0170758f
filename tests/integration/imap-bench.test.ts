import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { benchIngest } from '../../bench/ingest.js';

/** The ingest benchmark at a small size, so `npm run bench` cannot rot unnoticed. */
describe('ingest benchmark', () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb('imap_bench');
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('ingests every message in both modes and measures the idle poll', async () => {
    const count = Number(process.env.INGEST_BENCH_COUNT ?? 500);
    const f = await benchIngest(tdb.db, { count, print: (l) => console.log(l) });
    expect(f.messages).toBe(count);
    expect(f.messagesPerSecond).toBeGreaterThan(0);
    expect(f.idlePollMs).toBeGreaterThan(0);
    const stored = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');
    expect(stored.rows[0]!.n).toBe(2 * count);
  });
});
