import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { storeRawMessages, type RawInput } from '../store/messages.js';
import { advanceCheckpoint } from './imap-checkpoint.js';
import { planBatches, uidSet, type UidSize } from './imap-plan.js';
import type { MailboxSession, SessionConfig } from './imap-session.js';
import { storeOversize, type OversizeInput } from './imap-oversize.js';

/**
 * Reading a mailbox: list what is new by UID, then per batch fetch (BODY.PEEK, so nothing is marked
 * \Seen), commit the raw bytes, hand the ids on, and ONLY THEN move or flag the batch and advance the
 * checkpoint. A crash anywhere in between re-reads the batch, which the raw store makes harmless.
 * Never UNSEEN and never sequence numbers: a person opening mail elsewhere, or a concurrent expunge,
 * must not change what we read.
 */
export type OnStored = (ids: number[]) => Promise<void>;

export interface DrainDeps {
  db: Db;
  log: Logger;
  config: SessionConfig & { imapBatchSize: number };
  onStored?: OnStored;
  /** called before each batch; throws to stop (lost leadership) */
  beforeBatch?: () => Promise<void>;
  /** true when the worker should stop after the batch in hand */
  stopping?: () => boolean;
}

export interface DrainResult {
  stored: number;
  duplicates: number;
  oversize: number;
}

/** Bytes of message source one batch may hold in memory (a single larger message still goes alone). */
const BATCH_BYTES = 32 * 1024 * 1024;

export async function listNew(session: MailboxSession): Promise<UidSize[]> {
  const out: UidSize[] = [];
  // `N:*` always matches the highest UID even when it is below N, hence the filter.
  for await (const m of session.client.fetch(`${session.lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) {
    if (m.uid > session.lastUid) out.push({ uid: m.uid, size: m.size ?? 0 });
  }
  return out.sort((a, b) => a.uid - b.uid);
}

export async function drainNew(session: MailboxSession, deps: DrainDeps): Promise<DrainResult> {
  const total: DrainResult = { stored: 0, duplicates: 0, oversize: 0 };
  const entries = await listNew(session);
  for (const batch of planBatches(entries, deps.config.imapBatchSize, BATCH_BYTES)) {
    if (deps.stopping?.()) break;
    await deps.beforeBatch?.();
    const r = await processBatch(session, batch, deps);
    total.stored += r.stored;
    total.duplicates += r.duplicates;
    total.oversize += r.oversize;
  }
  return total;
}

export async function processBatch(session: MailboxSession, batch: UidSize[], deps: DrainDeps): Promise<DrainResult> {
  const { client, target, uidvalidity } = session;
  const max = deps.config.maxMessageBytes;
  const small = batch.filter((e) => e.size <= max).map((e) => e.uid);
  const large = batch.filter((e) => e.size > max);

  const items: RawInput[] = [];
  if (small.length > 0) {
    for await (const m of client.fetch(uidSet(small), { uid: true, source: true }, { uid: true })) {
      if (m.source) items.push({ raw: m.source, source: 'imap', mailbox: target.label, uidvalidity, uid: m.uid });
    }
  }
  const oversize: OversizeInput[] = [];
  if (large.length > 0) {
    const sizes = new Map(large.map((e) => [e.uid, e.size]));
    for await (const m of client.fetch(uidSet([...sizes.keys()]), { uid: true, headers: true }, { uid: true })) {
      if (m.headers) oversize.push({ headers: m.headers, size: sizes.get(m.uid) ?? 0, uid: m.uid });
    }
  }

  const refs = await storeRawMessages(deps.db, items);
  if (oversize.length > 0) {
    const messageIds = await storeOversize(deps.db, target.label, uidvalidity, max, oversize);
    deps.log.warn(
      { messageIds, uids: oversize.map((o) => o.uid), sizes: oversize.map((o) => o.size), max },
      'messages over MAX_MESSAGE_BYTES quarantined by their headers and left in the mailbox',
    );
  }
  if (refs.length > 0) await deps.onStored?.(refs.map((r) => r.id));

  // Expunged between listing and fetch: nothing to move. Oversize mail stays where a person can see it.
  const done = items.map((i) => i.uid);
  if (done.length > 0) {
    if (deps.config.imapAfterStore === 'move') {
      await client.messageMove(uidSet(done), deps.config.imapProcessedFolder, { uid: true });
    } else {
      await client.messageFlagsAdd(uidSet(done), ['\\Seen', '$Triaged'], { uid: true });
    }
  }
  const last = batch[batch.length - 1]!.uid;
  await advanceCheckpoint(deps.db, target.label, uidvalidity, last);
  session.lastUid = last;

  const created = refs.filter((r) => r.created).length;
  const result = { stored: created, duplicates: refs.length - created, oversize: oversize.length };
  deps.log.info({ uids: `${batch[0]!.uid}:${last}`, ...result }, 'batch stored');
  return result;
}
