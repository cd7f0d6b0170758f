import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { appendMessages, folderCounts, imapClient, makeMessage, startDovecot, type Dovecot } from '../support/dovecot.js';
import { imapDeps, storedCount } from '../support/imap-env.js';
import { drainMailbox } from '../../src/mailbox/imap-drain.js';
import { advanceCheckpoint, readCheckpoint, resetCheckpoint } from '../../src/mailbox/imap-checkpoint.js';
import { storeRawMessages } from '../../src/store/messages.js';
import { parseImapUrl } from '../../src/mailbox/imap-url.js';

/**
 * One pass over a real Dovecot mailbox (`drainMailbox`, as `run --once` uses it), end state asserted in
 * PostgreSQL and in the IMAP folders.
 */
describe('drainMailbox against Dovecot', () => {
  let dovecot: Dovecot;
  let tdb: TestDb;
  const user = 'desk@offers.example';

  beforeAll(async () => {
    dovecot = await startDovecot({ users: { [user]: 'se:cr@t/%pw' } });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });
  beforeEach(async () => {
    tdb = await createTestDb('imap_drain');
    return () => tdb.drop();
  });

  it('stores N appended messages once, moves them to Processed, and advances the checkpoint', async () => {
    const n = 120;
    await appendMessages(dovecot, user, Array.from({ length: n }, (_, i) => makeMessage(i)), 'Box1');
    const url = dovecot.url(user, 'Box1');
    const deps = imapDeps(tdb.db, { IMAP_URL: url, IMAP_BATCH_SIZE: '50', IMAP_PROCESSED_FOLDER: 'Processed1' });
    const handed: number[] = [];
    const r = await drainMailbox(deps, { onStored: async (ids) => void handed.push(...ids) });
    expect(r).toEqual({ stored: n, duplicates: 0 });
    expect(await storedCount(tdb.db)).toBe(n);
    expect(new Set(handed).size).toBe(n);
    expect(await folderCounts(dovecot, user, ['Box1', 'Processed1'])).toEqual({ Box1: 0, Processed1: n });
    const locs = await tdb.db.query<{ n: number }>('SELECT count(DISTINCT uid)::int AS n FROM message_locations WHERE mailbox = $1', [parseImapUrl(url).label]);
    expect(locs.rows[0]!.n).toBe(n);
    expect((await readCheckpoint(tdb.db, parseImapUrl(url).label))?.lastUid).toBe(n);

    // an idle mailbox: nothing new, nothing twice
    expect(await drainMailbox(deps)).toEqual({ stored: 0, duplicates: 0 });
    // the raw bytes are exactly what was appended (CRLF as sent)
    const raw = await tdb.db.query<{ raw: Buffer }>("SELECT raw FROM messages WHERE message_id LIKE '<offer-%-0@%' LIMIT 1");
    expect(raw.rows[0]!.raw.toString()).toContain('Aanbod mondkapjes 0');
  });

  it('flag mode: leaves mail in place with \\Seen and $Triaged, and does not read it again', async () => {
    await appendMessages(dovecot, user, Array.from({ length: 7 }, (_, i) => makeMessage(i)), 'Box2');
    const deps = imapDeps(tdb.db, { IMAP_URL: dovecot.url(user, 'Box2'), IMAP_AFTER_STORE: 'flag' });
    expect(await drainMailbox(deps)).toEqual({ stored: 7, duplicates: 0 });
    const client = await imapClient(dovecot, user);
    try {
      await client.mailboxOpen('Box2');
      const flags = [];
      for await (const m of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) flags.push([...(m.flags ?? [])].sort());
      expect(flags).toHaveLength(7);
      for (const f of flags) expect(f).toEqual(['$Triaged', '\\Seen']);
    } finally {
      await client.logout();
    }
    await appendMessages(dovecot, user, [makeMessage(100)], 'Box2');
    expect(await drainMailbox(deps)).toEqual({ stored: 1, duplicates: 0 });
    expect(await folderCounts(dovecot, user, ['Box2'])).toEqual({ Box2: 8 });
  });

  it('never reads mail another client already opened differently: a \\Seen message is still fetched', async () => {
    await appendMessages(dovecot, user, [makeMessage(1), makeMessage(2)], 'Box3');
    const client = await imapClient(dovecot, user);
    try {
      await client.mailboxOpen('Box3');
      await client.messageFlagsAdd('1', ['\\Seen'], { uid: true });
    } finally {
      await client.logout();
    }
    const deps = imapDeps(tdb.db, { IMAP_URL: dovecot.url(user, 'Box3') });
    expect(await drainMailbox(deps)).toEqual({ stored: 2, duplicates: 0 });
  });

  it('quarantines an oversize message by its headers and leaves it in the mailbox', async () => {
    const big = makeMessage(9, { bodyBytes: 300_000 });
    await appendMessages(dovecot, user, [makeMessage(1), big, makeMessage(2)], 'Box4');
    const deps = imapDeps(tdb.db, { IMAP_URL: dovecot.url(user, 'Box4'), MAX_MESSAGE_BYTES: String(100_000) });
    expect(await drainMailbox(deps)).toEqual({ stored: 2, duplicates: 0 });
    const q = await tdb.db.query<{ status: string; error_code: string; size: number; raw: Buffer }>("SELECT status, error_code, size, raw FROM messages WHERE status = 'quarantined'");
    expect(q.rows).toHaveLength(1);
    expect(q.rows[0]).toMatchObject({ status: 'quarantined', error_code: 'OT_ERR_TOO_LARGE', size: big.length });
    expect(q.rows[0]!.raw.length).toBeLessThan(1000);
    expect(await folderCounts(dovecot, user, ['Box4', 'Processed'])).toMatchObject({ Box4: 1 });
    // read again (a new session reconciles below the checkpoint): still one row, and the mail stays put
    expect(await drainMailbox(deps)).toEqual({ stored: 0, duplicates: 0 });
    expect(await folderCounts(dovecot, user, ['Box4'])).toEqual({ Box4: 1 });
    expect(await storedCount(tdb.db)).toBe(3);
  });

  it('UIDVALIDITY changed (mailbox recreated): re-reads from UID 1, stores only what is new', async () => {
    const url = dovecot.url(user, 'Box5');
    const deps = imapDeps(tdb.db, { IMAP_URL: url, IMAP_AFTER_STORE: 'flag' });
    const first = [makeMessage(1, { tag: 'uv' }), makeMessage(2, { tag: 'uv' })];
    await appendMessages(dovecot, user, first, 'Box5');
    expect(await drainMailbox(deps)).toEqual({ stored: 2, duplicates: 0 });
    const label = parseImapUrl(url).label;
    const before = await readCheckpoint(tdb.db, label);

    const client = await imapClient(dovecot, user);
    try {
      await client.mailboxDelete('Box5');
      await client.mailboxCreate('Box5');
    } finally {
      await client.logout();
    }
    // the recreated mailbox holds the old two again (restored from a backup, say) plus one new
    await appendMessages(dovecot, user, [...first, makeMessage(3, { tag: 'uv' })], 'Box5');
    expect(await drainMailbox(deps)).toEqual({ stored: 1, duplicates: 2 });
    const after = await readCheckpoint(tdb.db, label);
    expect(after?.uidvalidity).not.toBe(before?.uidvalidity);
    expect(after?.lastUid).toBe(3);
    expect(await storedCount(tdb.db)).toBe(3);
  });

  it('moves stored mail that a crash left below the checkpoint', async () => {
    const url = dovecot.url(user, 'Box6');
    const label = parseImapUrl(url).label;
    const raws = [makeMessage(1), makeMessage(2), makeMessage(3)];
    await appendMessages(dovecot, user, raws, 'Box6');
    const client = await imapClient(dovecot, user);
    let uidvalidity: number;
    try {
      uidvalidity = Number((await client.mailboxOpen('Box6')).uidValidity);
    } finally {
      await client.logout();
    }
    // the state a server leaves when it acknowledged the MOVE and then lost it: stored, checkpointed, still there
    await storeRawMessages(tdb.db, raws.map((raw, i) => ({ raw, source: 'imap' as const, mailbox: label, uidvalidity, uid: i + 1 })));
    await resetCheckpoint(tdb.db, label, uidvalidity);
    await advanceCheckpoint(tdb.db, label, uidvalidity, 3);
    await appendMessages(dovecot, user, [makeMessage(4)], 'Box6');
    const deps = imapDeps(tdb.db, { IMAP_URL: url, IMAP_PROCESSED_FOLDER: 'Done6' });
    expect(await drainMailbox(deps)).toEqual({ stored: 1, duplicates: 0 });
    expect(await folderCounts(dovecot, user, ['Box6', 'Done6'])).toEqual({ Box6: 0, Done6: 4 });
  });
});
