import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';

/**
 * A throwaway, migrated database per benchmark stage on BENCH_DATABASE_URL's server, dropped afterwards. The
 * ingest stages insert from many batches at once and get 20 connections; a stage that measures a service
 * as shipped passes that service's pool size.
 */
export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function withFreshDb<T>(
  label: string,
  fn: (db: Db, url: string) => Promise<T>,
  poolSize = 20,
): Promise<T> {
  const name = `ot_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: poolSize });
  try {
    await migrate(db);
    return await fn(db, url.toString());
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
