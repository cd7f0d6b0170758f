import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { appendMessages, folderCounts, makeMessage, startDovecot, type Dovecot } from '../support/dovecot.js';
import { storedCount } from '../support/imap-env.js';
import { assertBuilt, cliEnv, runCli } from './cli-support.js';

/**
 * imaps:// (TLS from the first byte, port 993 by default) against a Dovecot with a self-signed certificate,
 * through the command a cron job runs. Node trusts an internal CA through NODE_EXTRA_CA_CERTS; without it
 * the certificate is refused, the run fails with the reason, and the mail stays where it is.
 */
describe('imaps:// mailbox', () => {
  let dovecot: Dovecot;
  let tdb: TestDb;
  const user = 'desk@offers.example';

  beforeAll(async () => {
    assertBuilt();
    dovecot = await startDovecot({ users: { [user]: 'tls:pw/%' }, tls: true });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });
  beforeEach(async () => {
    tdb = await createTestDb('imap_tls');
    return () => tdb.drop();
  });

  it('drains over TLS when the server certificate is trusted', async () => {
    const tls = dovecot.tls!;
    await appendMessages(dovecot, user, [makeMessage(1), makeMessage(2), makeMessage(3)], 'Secure');
    const res = await runCli(
      ['run', '--once'],
      cliEnv({ DATABASE_URL: tdb.url, IMAP_URL: tls.url(user, 'Secure'), NODE_EXTRA_CA_CERTS: tls.certFile }),
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(await storedCount(tdb.db)).toBe(3);
    expect(await folderCounts(dovecot, user, ['Secure', 'Processed'])).toEqual({ Secure: 0, Processed: 3 });
  });

  it('refuses an untrusted certificate, says why, and leaves the mail in place', async () => {
    const tls = dovecot.tls!;
    await appendMessages(dovecot, user, [makeMessage(4)], 'Untrusted');
    const res = await runCli(['run', '--once'], cliEnv({ DATABASE_URL: tdb.url, IMAP_URL: tls.url(user, 'Untrusted') }));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/OT_ERR_IMAP: .*self[- ]signed certificate \(.*NODE_EXTRA_CA_CERTS/i);
    // the password in IMAP_URL never reaches the output
    expect(res.stderr).not.toContain('tls:pw');
    expect(await storedCount(tdb.db)).toBe(0);
    expect(await folderCounts(dovecot, user, ['Untrusted'])).toEqual({ Untrusted: 1 });
  });
});
