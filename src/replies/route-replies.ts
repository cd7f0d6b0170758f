import type pg from 'pg';
import type { LeadRouted, OnRouted } from '../pipeline/events.js';
import { composeReply, type ReplyConfig } from './compose.js';
import { loadRoutedContexts } from './lead-context.js';
import { composeMinistryForward } from './ministry.js';
import { insertOutboxRows, type NewOutboxRow } from './outbox.js';
import type { TemplateName } from './templates.js';

/**
 * Writes the outbox rows a batch of routings causes, inside the routing transaction: an acknowledgement for
 * a review lead, a referral for a redirect lead (plus the ministry forward when FORWARD_REDIRECTS_TO_MINISTRY).
 * Ignored mail gets nothing. Two statements per batch whatever its size: the leads, then every row.
 *
 * Once per (lead, template): the first message of the batch that wants a template for a lead composes it, as
 * when the messages were routed one by one, and a row already there from an earlier batch wins over it (the
 * UNIQUE (lead, template) constraint), so a second forward of the same offer is not answered twice.
 */
export function createRouteReplies(config: ReplyConfig): OnRouted {
  return async (tx, events) => {
    const wanted: Array<{ index: number; event: LeadRouted & { leadId: number }; templates: TemplateName[] }> = [];
    const seen = new Set<string>();
    events.forEach((event, index) => {
      if (event.route === 'ignore' || event.leadId === null) return;
      const templates = templatesFor(event.route, config).filter((t) => !seen.has(`${event.leadId}:${t}`));
      for (const t of templates) seen.add(`${event.leadId}:${t}`);
      if (templates.length > 0) wanted.push({ index, event: { ...event, leadId: event.leadId }, templates });
    });
    const contexts = await loadRoutedContexts(tx, wanted.map((w) => w.event));
    const rows: Array<{ index: number; row: NewOutboxRow }> = wanted.flatMap((w, i) =>
      w.templates.map((template) => ({
        index: w.index,
        row: template === 'ministry-forward' ? composeMinistryForward(contexts[i]!, config) : composeReply(contexts[i]!, template === 'referral' ? 'referral' : 'acknowledgement', config),
      })),
    );
    const owner = new Map(rows.map(({ index, row }) => [`${row.leadId}:${row.template}`, index]));
    const ids: number[][] = events.map(() => []);
    for (const written of await insertOutboxRows(tx, rows.map((r) => r.row))) {
      if (written.state === 'pending') ids[owner.get(`${written.lead_id}:${written.template}`)!]!.push(written.id);
    }
    for (const list of ids) list.sort((a, b) => a - b);
    return ids;
  };
}

function templatesFor(route: 'review' | 'redirect', config: ReplyConfig): TemplateName[] {
  if (route === 'review') return ['acknowledgement'];
  return config.forwardRedirectsToMinistry ? ['referral', 'ministry-forward'] : ['referral'];
}

/** Inserts the rows; returns the ids the caller should enqueue (new and pending, not withheld). */
export async function writeRows(tx: pg.PoolClient, rows: NewOutboxRow[]): Promise<number[]> {
  return (await insertOutboxRows(tx, rows)).filter((w) => w.state === 'pending').map((w) => w.id);
}
