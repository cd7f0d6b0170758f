import { describeError } from '../errors.js';
import { sendOutbox, type SendDeps } from '../replies/send.js';

/**
 * `run --once` sends the replies that are due in this process, one at a time through the pooled transport.
 * sendOutbox decides per row (only 'pending' rows go out), so this is safe beside running send workers.
 * A temporary SMTP failure leaves the row pending for the next run.
 */
export interface SendDueResult {
  sent: number;
  notSent: number;
  failed: number;
}

export async function sendDue(deps: SendDeps, concurrency = 4): Promise<SendDueResult> {
  const result: SendDueResult = { sent: 0, notSent: 0, failed: 0 };
  const { rows } = await deps.db.query<{ id: number }>("SELECT id FROM outbox WHERE state = 'pending' ORDER BY id");
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const id = rows[next++]!.id;
      try {
        if ((await sendOutbox(deps, id)) === 'sent') result.sent++;
        else result.notSent++;
      } catch (err) {
        result.failed++;
        deps.log.warn({ outboxId: id, err: describeError(err) }, 'reply not sent in this run');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
  return result;
}
