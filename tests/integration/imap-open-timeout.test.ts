import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openSession } from '../../src/mailbox/imap-session.js';
import { parseImapUrl } from '../../src/mailbox/imap-url.js';
import { createTestDb, type TestDb } from '../support/db.js';

/**
 * Regression (a flake of the "server killed and restarted" test, seen once in CI): right after Dovecot was
 * killed, an orphaned login process still accepted the worker's reconnect, greeted, and never answered
 * LOGIN; the session hung for imapflow's 5-minute socket timeout and no mail was stored meanwhile.
 */
let tdb: TestDb;
let server: net.Server;
let port: number;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  tdb = await createTestDb('imap_open_timeout');
  server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] half-dead server ready\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  await tdb?.drop();
});

it('regression: a server that greets and never answers LOGIN fails the session within its open timeout', async () => {
  const target = parseImapUrl(`imap://offers:pw@127.0.0.1:${port}/INBOX`);
  const config = { ...loadConfig({}), imapOpenTimeoutMs: 500 };
  const started = Date.now();
  await expect(openSession(tdb.db, target, config, createLogger({ level: 'silent' }))).rejects.toMatchObject({
    code: 'OT_ERR_IMAP',
    message: expect.stringContaining('took longer than 500 ms'),
  });
  expect(Date.now() - started).toBeLessThan(5000);
});
