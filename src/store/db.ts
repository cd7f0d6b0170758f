import pg from 'pg';
import type { Logger } from '../log.js';

/**
 * The one way to PostgreSQL. Every query in the project goes through a `Db`: either the pool, or one
 * checked-out client inside `transaction`, which is always released in `finally`.
 */

// int8 (bigserial ids, counts) as JS numbers: ids here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Db {
  pool: pg.Pool;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(fn: (tx: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Connections per process. More than about twice the database's cores only adds context switches: on two
 * cores the admin bench's lead page cost PostgreSQL 207 us a request with 10 connections and 310 us with 20.
 */
export const DEFAULT_POOL_SIZE = 10;

export function createDb(connectionString: string, opts: { log?: Logger; max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? DEFAULT_POOL_SIZE });
  // An idle client's error (server restart) must not crash the process as an unhandled 'error' event;
  // the pool drops that client and the next query reconnects.
  pool.on('error', (err) => opts.log?.warn({ err }, 'idle PostgreSQL client failed; it was removed from the pool'));

  return {
    pool,
    query: (text, values) => pool.query(text, values as unknown[]),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
