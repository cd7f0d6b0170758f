import type { Config } from './config.js';
import { loadConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { createDb, type Db } from './store/db.js';
import { migrate } from './store/migrate.js';
import { startEmbeddedPostgres } from './store/embedded.js';

/**
 * What every long-running command needs: validated config, a logger, a migrated database (the configured
 * one, or embedded PostgreSQL when DATABASE_URL is unset). `close()` releases all of it, in reverse order.
 */
export interface Context {
  config: Readonly<Config>;
  log: Logger;
  db: Db;
  close(): Promise<void>;
}

export async function openContext(opts: { config?: Readonly<Config>; log?: Logger; migrate?: boolean } = {}): Promise<Context> {
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? createLogger({ level: config.logLevel });
  const closers: Array<() => Promise<void>> = [];
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    closers.push(() => embedded.stop());
    url = embedded.url;
    log.info({ dataDir: config.dataDir }, 'DATABASE_URL unset: using embedded PostgreSQL');
  }
  const db = createDb(url, { log });
  closers.push(() => db.close());
  if (opts.migrate ?? true) {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  }
  return {
    config,
    log,
    db,
    async close() {
      for (const close of closers.reverse()) await close().catch((err) => log.warn({ err }, 'error while closing'));
    },
  };
}
