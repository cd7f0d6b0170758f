import type { OnDecided } from '../pipeline/events.js';
import { composeReply, type CompanyTemplate, type ReplyConfig } from './compose.js';
import { loadLeadContext } from './lead-context.js';
import { composeMinistryForward } from './ministry.js';
import type { NewOutboxRow } from './outbox.js';
import { writeRows } from './route-replies.js';

/**
 * Writes the outbox rows a reviewer's decision causes, inside the decision transaction. 'forwarded' sends
 * the lead to the ministry; 'redirected' is the referral a redirect route would have sent (once, whichever
 * comes first); a duplicate is not answered: its original lead already was.
 */
const COMPANY_TEMPLATE: Partial<Record<string, CompanyTemplate>> = {
  shortlisted: 'shortlisted',
  declined: 'declined',
  redirected: 'referral',
};

export function createDecisionReplies(config: ReplyConfig): OnDecided {
  return async (tx, event) => {
    const template = COMPANY_TEMPLATE[event.decision];
    if (!template && event.decision !== 'forwarded') return [];
    const ctx = await loadLeadContext(tx, event.leadId);
    const rows: NewOutboxRow[] = template ? [composeReply(ctx, template, config)] : [composeMinistryForward(ctx, config)];
    return writeRows(tx, rows);
  };
}
