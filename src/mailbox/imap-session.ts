import { ImapFlow } from 'imapflow';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { OfferTriageError } from '../errors.js';
import type { ImapTarget } from './imap-url.js';
import { readCheckpoint, resetCheckpoint } from './imap-checkpoint.js';
import { reconcileBelowCheckpoint } from './imap-reconcile.js';

/**
 * One IMAP connection with the mailbox selected, the checkpoint reconciled with the server's
 * UIDVALIDITY, and stored mail an interruption left behind moved (or flagged). `closed` rejects when the connection ends or fails for any reason other than our own
 * logout, so the caller never keeps using a dead session; every 'error' is logged here, never dropped.
 */
export interface MailboxSession {
  client: ImapFlow;
  target: ImapTarget;
  uidvalidity: number;
  lastUid: number;
  closed: Promise<never>;
  logout(): Promise<void>;
}

export type SessionConfig = Pick<Config, 'maxMessageBytes' | 'imapAfterStore' | 'imapProcessedFolder'> & {
  /** how long connecting, logging in and opening the mailbox may take together; OPEN_TIMEOUT_MS unless set */
  imapOpenTimeoutMs?: number;
};

/**
 * A server that greets and then never answers (seen here: a Dovecot killed and restarted, whose orphaned
 * login process still accepted connections) would hold a session in LOGIN until imapflow's 5-minute socket
 * timeout. Opening is given this long; then the connection is closed and the worker retries with backoff.
 */
export const OPEN_TIMEOUT_MS = 20_000;

/** imapflow defaults allow 1 GB literals and 2 GB responses; nothing we accept is bigger than one message. */
export function imapLimits(maxMessageBytes: number): { maxLiteralSize: number; maxResponseSize: number; maxLineLength: number } {
  return {
    maxLiteralSize: maxMessageBytes,
    // headroom for the FETCH framing around the one literal a response carries
    maxResponseSize: maxMessageBytes + 1024 * 1024,
    // long literal-free lines are SEARCH/FETCH listings of many UIDs
    maxLineLength: Math.max(maxMessageBytes, 16 * 1024 * 1024),
  };
}

/** Node's codes for a certificate chain it cannot verify, as opposed to a wrong or expired one. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

export async function openSession(db: Db, target: ImapTarget, config: SessionConfig, log: Logger): Promise<MailboxSession> {
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    // imaps:// is TLS from the first byte; imap:// still upgrades with STARTTLS when the server offers it
    auth: { user: target.user, pass: target.pass },
    // we start IDLE ourselves right after each drain instead of after imapflow's 15 s of inactivity
    disableAutoIdle: true,
    logger: log.child({ component: 'imapflow' }, { level: 'warn' }),
    ...imapLimits(config.maxMessageBytes),
  });

  let loggingOut = false;
  let rejectClosed!: (err: Error) => void;
  const closed = new Promise<never>((_, reject) => {
    rejectClosed = reject;
  });
  // a session that ends before anyone awaits `closed` must not become an unhandled rejection
  closed.catch(() => undefined);
  client.on('error', (err: Error) => {
    log.error({ err }, 'IMAP connection error');
    rejectClosed(new OfferTriageError('OT_ERR_IMAP', err.message, { cause: err }));
  });
  client.on('close', () => {
    if (!loggingOut) rejectClosed(new OfferTriageError('OT_ERR_IMAP', 'connection closed'));
  });

  const open = async (): Promise<MailboxSession> => {
    try {
      await client.connect();
    } catch (err) {
      const auth = (err as { authenticationFailed?: boolean }).authenticationFailed === true;
      const hint = UNTRUSTED_CERTIFICATE.has(String((err as { code?: unknown }).code))
        ? ' (a server certificate from an internal CA is trusted with NODE_EXTRA_CA_CERTS=/path/to/ca.pem)'
        : '';
      throw new OfferTriageError(auth ? 'OT_ERR_IMAP_AUTH' : 'OT_ERR_IMAP', `connect to ${target.label}: ${(err as Error).message}${hint}`, { cause: err });
    }
    if (config.imapAfterStore === 'move') await ensureFolder(client, config.imapProcessedFolder, log);
    const box = await client.mailboxOpen(target.mailbox);
    const uidvalidity = Number(box.uidValidity);
    const cp = await readCheckpoint(db, target.label);
    let lastUid = 0;
    if (!cp) {
      await resetCheckpoint(db, target.label, uidvalidity);
    } else if (cp.uidvalidity !== uidvalidity) {
      // UIDs from the old validity mean nothing now: read the mailbox from the start. Messages already
      // stored are recognised by their content hash and counted as duplicates, not stored twice.
      log.warn({ was: cp.uidvalidity, now: uidvalidity, lastUid: cp.lastUid }, 'UIDVALIDITY changed; re-reading the mailbox from the start');
      await resetCheckpoint(db, target.label, uidvalidity);
    } else {
      lastUid = cp.lastUid;
    }
    const session: MailboxSession = {
      client,
      target,
      uidvalidity,
      lastUid,
      closed,
      async logout() {
        loggingOut = true;
        try {
          await client.logout();
        } catch {
          client.close();
        }
      },
    };
    await reconcileBelowCheckpoint(session, db, config, log);
    return session;
  };

  // imapflow's connect() does not settle when the connection is closed during LOGIN, so the deadline is a
  // race, not a close: the abandoned attempt is closed and its later rejection swallowed.
  const openTimeout = config.imapOpenTimeoutMs ?? OPEN_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new OfferTriageError('OT_ERR_IMAP', `opening ${target.label} took longer than ${openTimeout} ms`)),
      openTimeout,
    );
  });
  const attempt = open();
  attempt.catch(() => undefined);
  try {
    return await Promise.race([attempt, expired]);
  } catch (err) {
    loggingOut = true;
    client.close();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function ensureFolder(client: ImapFlow, folder: string, log: Logger): Promise<void> {
  const list = await client.list();
  if (list.some((m) => m.path === folder)) return;
  await client.mailboxCreate(folder);
  log.info({ folder }, 'created the Processed folder');
}
