import { chunksOf } from '../core/chunks.js';

/**
 * Pure planning for the mailbox worker: which UIDs go into which batch, how a UID list is written on the
 * wire, and how long to wait before reconnecting. No I/O here, so it is tested without a server.
 */
export interface UidSize {
  uid: number;
  size: number;
}

/**
 * Splits new messages (ascending UID) into batches of at most `batchSize` messages and, unless a single
 * message is larger, at most `byteBudget` bytes, so one batch of large mail cannot balloon memory.
 */
export function planBatches(entries: UidSize[], batchSize: number, byteBudget: number): UidSize[][] {
  return chunksOf(entries, batchSize, byteBudget, (e) => e.size);
}

/** A compact IMAP sequence set of UIDs: [1,2,3,7,9,10] → "1:3,7,9:10". */
export function uidSet(uids: number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Exponential backoff with jitter: attempt 0 waits about `baseMs`, doubling up to `capMs`; the wait is
 * drawn from the upper half of that so many workers cut off together do not reconnect in lockstep.
 */
export function backoffMs(attempt: number, baseMs = 500, capMs = 60_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
