import { newMessageId } from './headers.js';
import type { LeadContext } from './lead-context.js';
import type { NewOutboxRow } from './outbox.js';
import { templateVars, type ReplyConfig } from './compose.js';
import { render } from './templates.js';

/**
 * The forward of a lead to the ministry's procurement address: a summary in the team's own language
 * (DEFAULT_LANGUAGE, not the company's) with the stored raw message attached as message/rfc822 at send time.
 * Once per lead: it is the outbox row (lead, 'ministry-forward'), whichever of a redirect or a reviewer's
 * "forward to ministry" decision writes it first.
 */
export function composeMinistryForward(ctx: LeadContext, config: ReplyConfig): NewOutboxRow {
  const language = config.defaultLanguage;
  return {
    leadId: ctx.leadId,
    template: 'ministry-forward',
    language,
    ...render('ministry-forward', language, templateVars(ctx, language, config)),
    messageId: newMessageId(config.fromAddress, ctx.reference, 'ministry-forward'),
    inReplyTo: null,
    references: [],
    attachMessageId: ctx.sourceMessageId,
    withheldReason: null,
    to: { email: config.ministryAddress, name: null },
    cc: null,
  };
}
