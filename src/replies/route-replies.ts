import type pg from 'pg';
import type { OnRouted } from '../pipeline/events.js';
import { composeReply, type ReplyConfig } from './compose.js';
import { loadLeadContext } from './lead-context.js';
import { composeMinistryForward } from './ministry.js';
import { insertOutbox, type NewOutboxRow } from './outbox.js';

/**
 * Writes the outbox rows a routing causes, inside the routing transaction: an acknowledgement for a review
 * lead, a referral for a redirect lead (plus the ministry forward when FORWARD_REDIRECTS_TO_MINISTRY).
 * Ignored mail gets nothing. A message that joins an existing lead finds the rows already there (the
 * UNIQUE (lead, template) constraint), so a second forward of the same offer is not answered twice.
 */
export function createRouteReplies(config: ReplyConfig): OnRouted {
  return async (tx, event) => {
    if (event.route === 'ignore' || event.leadId === null) return [];
    const ctx = await loadLeadContext(tx, event.leadId, { messageId: event.messageId, analysis: event.analysis });
    const rows = [composeReply(ctx, event.route === 'redirect' ? 'referral' : 'acknowledgement', config)];
    if (event.route === 'redirect' && config.forwardRedirectsToMinistry) rows.push(composeMinistryForward(ctx, config));
    return writeRows(tx, rows);
  };
}

/** Inserts the rows; returns the ids the caller should enqueue (new and pending, not withheld). */
export async function writeRows(tx: pg.PoolClient, rows: NewOutboxRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const written = await insertOutbox(tx, row);
    if (written?.state === 'pending') ids.push(written.id);
  }
  return ids;
}
