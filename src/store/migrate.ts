import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './db.js';
import { OfferTriageError } from '../errors.js';
import { MIGRATIONS_DIR } from '../paths.js';

/**
 * Applies numbered SQL files from migrations/ in order, each in its own transaction. A session-level
 * advisory lock serialises concurrent runners (several workers starting at once), so running it from every
 * process at start-up is safe.
 */
const LOCK_KEY = 0x6f74_6d67; // "otmg"

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{3,}_[\w-]+\.sql$/.test(n)).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    files.push({ version: Number(name.split('_')[0]), name, sql: await readFile(path.join(dir, name), 'utf8') });
  }
  const seen = new Set<number>();
  for (const f of files) {
    if (seen.has(f.version)) throw new OfferTriageError('OT_ERR_MIGRATION', `two migrations numbered ${f.version}`);
    seen.add(f.version);
  }
  return files;
}

/** Returns the names of the migrations it applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await listMigrations(dir);
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const file of files) {
      if (done.has(file.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [file.version, file.name]);
        await client.query('COMMIT');
        applied.push(file.name);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new OfferTriageError('OT_ERR_MIGRATION', `${file.name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err, permanent: true });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}
